import ArgumentParser

/// The arguments of `write` and `check`: a slot, the program flags of `scs validate`, acknowledgements.
struct ProgramArguments: ParsableArguments {
    @Argument var slot: String
    @OptionGroup var program: ProgramOptions
    @OptionGroup var acknowledgements: Acknowledgements
}

/// The arguments of `adjust`: an amplitude in mA and acknowledgements.
struct AdjustArguments: ParsableArguments {
    @Argument var amplitude: String
    @OptionGroup var acknowledgements: Acknowledgements
}
