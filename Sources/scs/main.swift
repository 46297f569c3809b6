import SCSCommands
SCSCommand.main()
