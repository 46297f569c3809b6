// The core imports nothing, not even the C math library, so the two transcendental functions the
// rules need are computed here. Neither is on a per-contact hot path: `pow10` runs when limits are
// built, `log10` once per reported Shannon value.

private let ln2 = 0.693_147_180_559_945_309_417_232_121_458
private let ln10 = 2.302_585_092_994_045_684_017_991_454_684

/// Natural logarithm of a positive finite value, accurate to a few ulp.
func naturalLog(_ x: Double) -> Double {
    guard x > 0, x.isFinite else { return x == 0 ? -.infinity : .nan }
    // x = m × 2^e with m in [1, 2); ln m = 2 atanh(z), z = (m − 1) / (m + 1) ≤ 1/3.
    let m = x.significand
    let e = Double(x.exponent)
    let z = (m - 1) / (m + 1)
    let z2 = z * z
    var term = z
    var sum = 0.0
    var n = 1.0
    while true {
        let next = sum + term / n
        if next == sum { break }
        sum = next
        term *= z2
        n += 2
    }
    return 2 * sum + e * ln2
}

/// Base-10 logarithm.
func log10(_ x: Double) -> Double { naturalLog(x) / ln10 }

/// `e^x` for moderate `x`, accurate to a few ulp.
func naturalExp(_ x: Double) -> Double {
    guard x.isFinite else { return x > 0 ? .infinity : 0 }
    if x > 709 { return .infinity }
    if x < -745 { return 0 }
    // x = k ln2 + r with |r| ≤ ln2 / 2; e^r by its Taylor series.
    let k = Double(Int64(x / ln2 + (x < 0 ? -0.5 : 0.5)))
    let r = x - k * ln2
    var term = 1.0
    var sum = 1.0
    var n = 1.0
    while true {
        term *= r / n
        let next = sum + term
        if next == sum { break }
        sum = next
        n += 1
    }
    return Double(sign: .plus, exponent: Int(k), significand: sum)
}

/// `10^x`.
func pow10(_ x: Double) -> Double {
    if abs(x) <= 22, x == Double(Int64(x)) {
        // Exact for whole exponents in the range where powers of ten are representable.
        var result = 1.0
        for _ in 0..<Int(abs(x)) { result *= 10 }
        return x < 0 ? 1 / result : result
    }
    return naturalExp(x * ln10)
}
