/// The programming session `scs tour` runs through `scs session --script`: a clinician writes a safe
/// program, tries an unsafe one (the host refuses it and sends nothing), activates the safe one,
/// switches therapy on and adjusts the amplitude within the patient range.
enum TourScript {
    /// The script's lines, as `scs session` reads them.
    static let session = """
        # scs tour: a clinician's first programming session (one `scs session` command a line)
        write 1 --amplitude 3 --pulse-width 300 --frequency 50 --contacts 1-,2+ --patient-range 2-4
        # 10 mA at 500 µs breaks the Shannon limit: the host refuses it before anything is sent
        write 2 --amplitude 10 --pulse-width 500 --frequency 50 --contacts 1-,2+
        activate 1
        on
        adjust 3.5
        status

        """
}
