extension Int64 {
    /// `value` rounded to the nearest whole number, held at the ends of the `Int64` range beyond them
    /// (NaN reads as 0): for model values made from a profile's numbers, which have no upper bound.
    init(roundedClamping value: Double) {
        let rounded = value.rounded()
        if rounded.isNaN {
            self = 0
        } else if rounded >= 0x1p63 {
            self = .max
        } else if rounded < -0x1p63 {
            self = .min
        } else {
            self = Int64(rounded)
        }
    }
}
