import ArgumentParser
import Foundation
import Report

/// `scs`: the spinal cord stimulator programming simulator and therapy-log analyzer.
package struct SCSCommand: AsyncParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "scs",
        abstract: "Trial spinal cord stimulation programs against device profiles and their safety rules.",
        discussion: """
            Exit status: 0 success; 1 the program is unsafe or a check failed; 2 bad input or usage.
            The device profiles are built in; --devices DIR (or $SCS_DEVICES) adds a folder's, replacing same ids.
            """,
        version: SCSVersion.text,
        subcommands: [
            DevicesCommand.self, ValidateCommand.self, EnvelopeCommand.self, CheckCommand.self, TourCommand.self,
            AnalyzeCommand.self, SimulateCommand.self, ServeCommand.self, SessionCommand.self, ReplayCommand.self,
            UsbCommand.self, ImportCommand.self,
        ]
    )

    package init() {}
}
