/// The version of scs that `scs --version` prints and every report names, so that a report can be
/// traced to the code that made it. Raised with each release (major.minor.patch).
package enum SCSVersion {
    /// The version as major.minor.patch.
    package static let text = "0.5.0"
}
