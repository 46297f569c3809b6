import SCSCommands

SCSCommand.runAndExit()
