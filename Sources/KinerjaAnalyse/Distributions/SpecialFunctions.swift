#if canImport(Glibc)
  import Glibc
#endif

#if arch(x86_64) || arch(i386)
  /// The widest floating-point type the machine computes in (80-bit on x86).
  typealias Extended = Float80
#else
  typealias Extended = Double
#endif

/// The special functions the distributions are built on, accurate to about 1e-14
/// relative over the arguments Kinerja meets (checked against scipy in the tests).
package enum SpecialFunctions {
  /// ln |Γ(x)|.
  package static func logGamma(_ x: Double) -> Double { lgamma(x) }

  /// ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b).
  ///
  /// When an argument is large, the three log-gammas are huge and nearly cancel, so the
  /// difference is taken from Stirling's series instead, which keeps full precision for
  /// the Student t with millions of degrees of freedom.
  package static func logBeta(_ a: Double, _ b: Double) -> Double {
    let (small, large) = a < b ? (a, b) : (b, a)
    guard large >= 10 else { return lgamma(a) + lgamma(b) - lgamma(a + b) }
    if small >= 10 {
      // Both large: ln B = ½ln(2π) + (a−½)ln a + (b−½)ln b − (a+b−½)ln(a+b) + corrections.
      return 0.5 * log(2 * Double.pi) + (small - 0.5) * log(small / (small + large))
        + large * log1p(-small / (small + large)) - 0.5 * log(large)
        + stirlingCorrection(small) + stirlingCorrection(large) - stirlingCorrection(small + large)
    }
    // ln Γ(large + small) − ln Γ(large), by Stirling's series in `large`.
    let ratio =
      (large - 0.5) * log1p(small / large) + small * log(large + small) - small
      + stirlingCorrection(large + small) - stirlingCorrection(large)
    return lgamma(small) - ratio
  }

  /// ln Γ(x) − [(x − ½) ln x − x + ½ ln 2π], for x ≥ 10.
  private static func stirlingCorrection(_ x: Double) -> Double {
    let inverse = 1 / x
    let square = inverse * inverse
    return inverse
      * (1.0 / 12 - square * (1.0 / 360 - square * (1.0 / 1260 - square * (1.0 / 1680 - square / 1188))))
  }

  /// The regularized incomplete beta function I_x(a, b).
  package static func regularizedBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
    regularizedBeta(x, complement: 1 - x, a, b)
  }

  /// I_x(a, b) given both `x` and `complement` = 1 − x, each computed without
  /// cancellation by the caller (for the t distribution, ν/(ν+t²) and t²/(ν+t²)).
  package static func regularizedBeta(_ x: Double, complement: Double, _ a: Double, _ b: Double) -> Double {
    if x <= 0 { return 0 }
    if complement <= 0 { return 1 }
    // The continued fraction converges fast for x < (a + 1) / (a + b + 2); use symmetry otherwise.
    if x > (a + 1) / (a + b + 2) {
      return 1 - regularizedBeta(complement, complement: x, b, a)
    }
    let logX = x < 0.5 ? log(x) : log1p(-complement)
    let logComplement = complement < 0.5 ? log(complement) : log1p(-x)
    let front = exp(a * logX + b * logComplement - logBeta(a, b)) / a
    return front * betaContinuedFraction(x, complement: complement, a, b)
  }

  /// Lentz's evaluation of the continued fraction of I_x(a, b).
  ///
  /// Near the point where I_x switches to its symmetric form, with a large (millions of
  /// degrees of freedom), the fraction loses about six digits to rounding; it is therefore
  /// evaluated in extended precision where the machine has it.
  private static func betaContinuedFraction(_ x: Double, complement: Double, _ a: Double, _ b: Double)
    -> Double
  {
    let (x, a, b) = (Extended(x), Extended(a), Extended(b))
    let tiny: Extended = 1e-300
    var c: Extended = 1
    // 1 − (a + b)x / (a + 1); near x = 1 written with 1 − x, so that it does not cancel.
    var d = x < 0.5 ? 1 - (a + b) * x / (a + 1) : (1 - b + (a + b) * Extended(complement)) / (a + 1)
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var result = d
    for m in 1...10_000 {
      let m = Extended(m)
      let even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
      d = 1 + even * d
      if abs(d) < tiny { d = tiny }
      c = 1 + even / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      result *= d * c
      let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
      d = 1 + odd * d
      if abs(d) < tiny { d = tiny }
      c = 1 + odd / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let step = d * c
      result *= step
      if abs(step - 1) < 1e-19 { break }
    }
    return Double(result)
  }

  /// The regularized upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a).
  package static func regularizedUpperGamma(_ a: Double, _ x: Double) -> Double {
    if x <= 0 { return 1 }
    let logFront = a * log(x) - x - lgamma(a)
    if x < a + 1 {
      // Series for P(a, x).
      var term = 1 / a
      var sum = term
      var n = a
      for _ in 0..<10_000 {
        n += 1
        term *= x / n
        sum += term
        if abs(term) < abs(sum) * 1e-17 { break }
      }
      return 1 - sum * exp(logFront)
    }
    // Continued fraction for Q(a, x) (Lentz).
    let tiny = 1e-300
    var b = x + 1 - a
    var c = 1 / tiny
    var d = 1 / b
    var result = d
    for i in 1...10_000 {
      let an = -Double(i) * (Double(i) - a)
      b += 2
      d = an * d + b
      if abs(d) < tiny { d = tiny }
      c = b + an / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let step = d * c
      result *= step
      if abs(step - 1) < 1e-16 { break }
    }
    return exp(logFront) * result
  }
}
