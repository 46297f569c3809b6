/// The session files of a Summit RC+S folder that the importer reads (`docs/domain-reference.md` §5.2).
public enum RCSFile: String, CaseIterable, Hashable, Sendable {
    /// Full settings first, then the blocks that changed: groups, limits, electrodes, battery.
    case deviceSettings = "DeviceSettings.json"
    /// Therapy status, active group and group settings over time; sparse like DeviceSettings.
    case stimLog = "StimLog.json"
    /// Free-text events written by the app on the host.
    case eventLog = "EventLog.json"
    /// Amplitudes the adaptive algorithm set, with the INS's own clocks.
    case adaptiveLog = "AdaptiveLog.json"

    /// The file name in the session folder.
    public var name: String { rawValue }
}
