#if canImport(Glibc)
  import Glibc
#endif

/// The standard normal distribution.
package enum Normal {
  /// P(Z ≤ z).
  package static func cdf(_ z: Double) -> Double { 0.5 * erfc(-z / 2.0.squareRoot()) }

  /// P(Z > z), accurate in the far tail.
  package static func survival(_ z: Double) -> Double { 0.5 * erfc(z / 2.0.squareRoot()) }

  /// The two-sided p-value of `z`: P(|Z| ≥ |z|).
  package static func twoSidedP(_ z: Double) -> Double { erfc(abs(z) / 2.0.squareRoot()) }

  /// The `p` quantile (0 < p < 1): Acklam's approximation, refined by Newton steps.
  package static func quantile(_ p: Double) -> Double {
    precondition(p > 0 && p < 1, "a quantile needs 0 < p < 1")
    let a = [
      -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
      -3.066479806614716e+01, 2.506628277459239e+00,
    ]
    let b = [
      -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
      -1.328068155288572e+01,
    ]
    let c = [
      -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
      4.374664141464968e+00, 2.938163982698783e+00,
    ]
    let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
    var x: Double
    if p < 0.02425 {
      let q = (-2 * log(p)).squareRoot()
      x =
        (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
        / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    } else if p <= 1 - 0.02425 {
      let q = p - 0.5
      let r = q * q
      x =
        (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
        / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    } else {
      let q = (-2 * log1p(-p)).squareRoot()
      x =
        -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
        / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    }
    for _ in 0..<3 {
      // cdf(x) − p, taken from the nearer tail to keep its precision.
      let error = p < 0.5 ? cdf(x) - p : (1 - p) - survival(x)
      x -= error / (exp(-0.5 * x * x) / (2 * Double.pi).squareRoot())
    }
    return x
  }
}

/// Student's t distribution with `degreesOfFreedom`.
package struct StudentT: Sendable {
  package let degreesOfFreedom: Double

  package init(degreesOfFreedom: Double) { self.degreesOfFreedom = degreesOfFreedom }

  /// P(T > t) for t ≥ 0 computed as ½ I_{ν/(ν+t²)}(ν/2, ½), accurate in the far tail.
  package func survival(_ t: Double) -> Double {
    let nu = degreesOfFreedom
    guard t.isFinite else { return t > 0 ? 0 : 1 }
    let tail =
      0.5 * SpecialFunctions.regularizedBeta(nu / (nu + t * t), complement: t * t / (nu + t * t), nu / 2, 0.5)
    return t >= 0 ? tail : 1 - tail
  }

  /// P(T ≤ t).
  package func cdf(_ t: Double) -> Double { survival(-t) }

  /// The two-sided p-value of `t`: P(|T| ≥ |t|).
  package func twoSidedP(_ t: Double) -> Double {
    let nu = degreesOfFreedom
    return SpecialFunctions.regularizedBeta(nu / (nu + t * t), complement: t * t / (nu + t * t), nu / 2, 0.5)
  }

  /// The `p` quantile: Newton's method on the distribution function from the normal quantile.
  package func quantile(_ p: Double) -> Double {
    precondition(p > 0 && p < 1, "a quantile needs 0 < p < 1")
    if p == 0.5 { return 0 }
    let upper = p > 0.5
    let tail = upper ? 1 - p : p
    let nu = degreesOfFreedom
    var x: Double
    switch nu {
    case 1: x = tan(Double.pi * (0.5 - tail))  // Cauchy
    case 2: x = (1 - 2 * tail) / (2 * tail * (1 - tail)).squareRoot()
    default: x = abs(Normal.quantile(tail))
    }
    let logDensityFront = lgamma((nu + 1) / 2) - lgamma(nu / 2) - 0.5 * log(nu * Double.pi)
    for _ in 0..<50 {
      let density = exp(logDensityFront - (nu + 1) / 2 * log1p(x * x / nu))
      let step = (survival(x) - tail) / density
      x += step
      if abs(step) <= 1e-15 * max(1, abs(x)) { break }
    }
    return upper ? x : -x
  }
}

/// The chi-squared distribution with `degreesOfFreedom`.
package struct ChiSquared: Sendable {
  package let degreesOfFreedom: Double

  package init(degreesOfFreedom: Double) { self.degreesOfFreedom = degreesOfFreedom }

  /// P(X > x).
  package func survival(_ x: Double) -> Double {
    SpecialFunctions.regularizedUpperGamma(degreesOfFreedom / 2, x / 2)
  }
}

/// Fisher's F distribution with `numerator` and `denominator` degrees of freedom.
package struct FDistribution: Sendable {
  package let numerator: Double
  package let denominator: Double

  package init(numerator: Double, denominator: Double) {
    self.numerator = numerator
    self.denominator = denominator
  }

  /// P(F > f), as I_{d₂/(d₂ + d₁ f)}(d₂/2, d₁/2).
  package func survival(_ f: Double) -> Double {
    guard f > 0 else { return 1 }
    guard f.isFinite else { return 0 }
    let scaled = numerator * f
    return SpecialFunctions.regularizedBeta(
      denominator / (denominator + scaled), complement: scaled / (denominator + scaled), denominator / 2,
      numerator / 2)
  }
}
