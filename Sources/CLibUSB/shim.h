// The libusb-1.0 C API, imported only by the StimUSB module.
// pkg-config libusb-1.0 puts /usr/include/libusb-1.0 on the include path.
#ifndef SCS_CLIBUSB_SHIM_H
#define SCS_CLIBUSB_SHIM_H

#include <libusb.h>

#endif
