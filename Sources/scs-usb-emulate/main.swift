import Foundation
import SCSCommands

exit(await EmulateCommand.status(running: Array(CommandLine.arguments.dropFirst())))
