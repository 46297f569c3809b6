import Logging
import SCSCommands

// The one place a logging backend is chosen: the libraries and commands only make loggers.
LoggingSystem.bootstrap(StreamLogHandler.standardError)
await SCSCommand.runAndExit()
