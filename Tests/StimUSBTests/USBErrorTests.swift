import StimUSB
import Testing

@Suite("USBError")
struct USBErrorTests {
    @Test(
        "names every libusb error code",
        arguments: [
            (USBError.io, -1, "LIBUSB_ERROR_IO"),
            (.invalidParameter, -2, "LIBUSB_ERROR_INVALID_PARAM"),
            (.access, -3, "LIBUSB_ERROR_ACCESS"),
            (.noDevice, -4, "LIBUSB_ERROR_NO_DEVICE"),
            (.notFound, -5, "LIBUSB_ERROR_NOT_FOUND"),
            (.busy, -6, "LIBUSB_ERROR_BUSY"),
            (.timeout, -7, "LIBUSB_ERROR_TIMEOUT"),
            (.overflow, -8, "LIBUSB_ERROR_OVERFLOW"),
            (.pipe, -9, "LIBUSB_ERROR_PIPE"),
            (.interrupted, -10, "LIBUSB_ERROR_INTERRUPTED"),
            (.noMemory, -11, "LIBUSB_ERROR_NO_MEM"),
            (.notSupported, -12, "LIBUSB_ERROR_NOT_SUPPORTED"),
            (.other, -99, "LIBUSB_ERROR_OTHER"),
        ])
    func namedCodes(_ error: USBError, code: Int, name: String) {
        #expect(error.rawValue == code)
        #expect(USBError(rawValue: code) == error)
        #expect(error.name == name)
        #expect(error.description.hasSuffix("(\(name))"))
    }

    @Test("describes the code in libusb's words")
    func description() {
        #expect(USBError.access.description == "Access denied (insufficient permissions) (LIBUSB_ERROR_ACCESS)")
    }

    @Test("keeps a code libusb does not name")
    func unknownCode() {
        #expect(USBError(rawValue: -50).rawValue == -50)
        #expect(USBError(rawValue: -50).name == "**UNKNOWN**")
    }
}

@Suite("USB ids and endpoints")
struct USBValueTests {
    @Test("spells ids the way lsusb does")
    func idDescription() {
        #expect(USBDeviceID(vendorID: 0x1209, productID: 0x5C50).description == "1209:5c50")
        #expect(USBDeviceID(vendorID: 0x0001, productID: 0x000A).description == "0001:000a")
    }

    @Test("reads the direction from bit 7 of the endpoint address")
    func endpointDirection() {
        #expect(StimulatorInterface.bulkIn.isInput)
        #expect(!StimulatorInterface.bulkOut.isInput)
        #expect(StimulatorInterface.bulkIn.description == "0x81")
        #expect(StimulatorInterface.bulkOut.description == "0x01")
    }
}
