import SCSCommands

/// One message to the page, `{"type": …, "id": …, "data": …}`, `id` echoing the request's (the
/// device's answers on the wire are StimProtocol's `Reply`); the bodies (`data`) follow.
struct PageMessage<Body: Encodable>: Encodable {
    var type: String
    var id: Int?
    var data: Body

    /// The message's JSON text (the package's one JSON writer).
    static func text(_ type: String, id: Int? = nil, _ data: Body) -> String {
        (try? JSONOutput.encode(PageMessage(type: type, id: id, data: data)))
            ?? #"{"type":"error","data":{"status":500,"message":"the answer could not be written"}}"#
    }
}

/// A sentence for the page: what was done, what was refused and why, or what was wrong with a request.
struct Notice: Encodable {
    /// The HTTP status the same request would have had: 200 done, 409 refused, 400 bad input.
    var status: Int
    var message: String
}

/// How far a replay has come, in recorded events.
struct Progress: Encodable {
    var done: Int
    var total: Int
}

/// The first message: the device described for the page, the devices it may switch to, the state.
struct Hello: Encodable {
    var device: DeviceDescription
    var devices: [String]
    var state: StateView
}

/// The answer to a check: the validation (as `scs validate --json` gives it), the envelope and the
/// lead diagram.
struct VerdictView: Encodable {
    var report: ValidationReport
    var envelopeVersion: Int
    /// The envelope, unless the page holds its version already.
    var envelope: EnvelopeView?
    /// The lead diagram's SVG, its contacts buttons, unless the page holds the envelope's version.
    var diagram: String?
    /// The program in words.
    var summary: String
}
