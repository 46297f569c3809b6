// umockdev-1.0 (with GLib/GObject) and the Linux usbfs ioctl interface, imported only by the
// USBTestbed module. pkg-config umockdev-1.0 supplies the include paths.
#ifndef SCS_CUMOCKDEV_SHIM_H
#define SCS_CUMOCKDEV_SHIM_H

#include <sys/ioctl.h>
#include <linux/usbdevice_fs.h>
#include <umockdev.h>

// The usbfs request numbers are function-like macros (_IOR and friends), which Swift cannot import.
static inline unsigned long cumockdev_usbdevfs_control(void) { return USBDEVFS_CONTROL; }
static inline unsigned long cumockdev_usbdevfs_bulk(void) { return USBDEVFS_BULK; }
static inline unsigned long cumockdev_usbdevfs_resetep(void) { return USBDEVFS_RESETEP; }
static inline unsigned long cumockdev_usbdevfs_setinterface(void) { return USBDEVFS_SETINTERFACE; }
static inline unsigned long cumockdev_usbdevfs_setconfiguration(void) { return USBDEVFS_SETCONFIGURATION; }
static inline unsigned long cumockdev_usbdevfs_getdriver(void) { return USBDEVFS_GETDRIVER; }
static inline unsigned long cumockdev_usbdevfs_submiturb(void) { return USBDEVFS_SUBMITURB; }
static inline unsigned long cumockdev_usbdevfs_discardurb(void) { return USBDEVFS_DISCARDURB; }
static inline unsigned long cumockdev_usbdevfs_reapurb(void) { return USBDEVFS_REAPURB; }
static inline unsigned long cumockdev_usbdevfs_reapurbndelay(void) { return USBDEVFS_REAPURBNDELAY; }
static inline unsigned long cumockdev_usbdevfs_claiminterface(void) { return USBDEVFS_CLAIMINTERFACE; }
static inline unsigned long cumockdev_usbdevfs_releaseinterface(void) { return USBDEVFS_RELEASEINTERFACE; }
static inline unsigned long cumockdev_usbdevfs_reset(void) { return USBDEVFS_RESET; }
static inline unsigned long cumockdev_usbdevfs_clear_halt(void) { return USBDEVFS_CLEAR_HALT; }
static inline unsigned long cumockdev_usbdevfs_get_capabilities(void) { return USBDEVFS_GET_CAPABILITIES; }
static inline unsigned long cumockdev_usbdevfs_disconnect_claim(void) { return USBDEVFS_DISCONNECT_CLAIM; }
static inline unsigned long cumockdev_usbdevfs_get_speed(void) { return USBDEVFS_GET_SPEED; }

/// The "handle-ioctl" signal's handler type (see UMockdevIoctlBase).
typedef gboolean (*cumockdev_handle_ioctl_fn)(UMockdevIoctlBase *handler, UMockdevIoctlClient *client,
                                              gpointer user_data);

// g_signal_connect_data with the callback cast G_CALLBACK does, which Swift cannot spell.
static inline gulong cumockdev_connect_handle_ioctl(UMockdevIoctlBase *handler, cumockdev_handle_ioctl_fn callback,
                                                    gpointer user_data, GClosureNotify destroy_data) {
    return g_signal_connect_data(handler, "handle-ioctl", G_CALLBACK(callback), user_data, destroy_data, 0);
}

#endif
