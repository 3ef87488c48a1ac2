/// An SVG picture being drawn: elements appended in order, text escaped, numbers
/// written with one decimal so the same chart is always the same bytes.
///
/// Every chart carries a `<title>` and a `<desc>` (its text alternative) and the
/// `role="img"` that lets screen readers announce it.
struct SVGDrawing {
  let width: Double
  let height: Double
  private var body: [String] = []

  init(width: Double, height: Double) {
    self.width = width
    self.height = height
  }

  /// The finished `<svg>` element.
  func svg(title: String, description: String) -> String {
    """
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(Self.format(width)) \(Self.format(height))" \
    width="\(Self.format(width))" height="\(Self.format(height))" role="img" class="chart">\
    <title>\(Self.escaped(title))</title><desc>\(Self.escaped(description))</desc>
    \(body.joined(separator: "\n"))
    </svg>
    """
  }

  mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, style: String) {
    body.append(
      "<line x1=\"\(Self.format(x1))\" y1=\"\(Self.format(y1))\" x2=\"\(Self.format(x2))\" y2=\"\(Self.format(y2))\" class=\"\(style)\"/>"
    )
  }

  mutating func rectangle(x: Double, y: Double, width: Double, height: Double, style: String) {
    body.append(
      "<rect x=\"\(Self.format(x))\" y=\"\(Self.format(y))\" width=\"\(Self.format(max(0, width)))\" height=\"\(Self.format(max(0, height)))\" class=\"\(style)\"/>"
    )
  }

  mutating func circle(x: Double, y: Double, radius: Double, style: String) {
    body.append(
      "<circle cx=\"\(Self.format(x))\" cy=\"\(Self.format(y))\" r=\"\(Self.format(radius))\" class=\"\(style)\"/>"
    )
  }

  /// A polyline through `points`; a `nil` point breaks it into separate pieces.
  mutating func polyline(_ points: [(x: Double, y: Double)?], style: String) {
    var piece: [String] = []
    func flush() {
      if piece.count > 1 {
        body.append("<polyline points=\"\(piece.joined(separator: " "))\" class=\"\(style)\"/>")
      }
      piece = []
    }
    for point in points {
      guard let point else {
        flush()
        continue
      }
      piece.append("\(Self.format(point.x)),\(Self.format(point.y))")
    }
    flush()
  }

  /// A filled polygon (such as a band between two lines).
  mutating func polygon(_ points: [(x: Double, y: Double)], style: String) {
    guard points.count > 2 else { return }
    let list = points.map { "\(Self.format($0.x)),\(Self.format($0.y))" }.joined(separator: " ")
    body.append("<polygon points=\"\(list)\" class=\"\(style)\"/>")
  }

  enum Anchor: String {
    case start, middle, end
  }

  mutating func text(_ text: String, x: Double, y: Double, anchor: Anchor = .start, style: String = "label") {
    body.append(
      "<text x=\"\(Self.format(x))\" y=\"\(Self.format(y))\" text-anchor=\"\(anchor.rawValue)\" class=\"\(style)\">\(Self.escaped(text))</text>"
    )
  }

  /// Text turned to run upwards, for a vertical axis title.
  mutating func verticalText(_ text: String, x: Double, y: Double) {
    body.append(
      "<text transform=\"translate(\(Self.format(x)),\(Self.format(y))) rotate(-90)\" text-anchor=\"middle\" class=\"axis-title\">\(Self.escaped(text))</text>"
    )
  }

  static func format(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
  }

  /// `text`, cut to `length` characters with an ellipsis when longer, for labels.
  static func shortened(_ text: String, to length: Int) -> String {
    text.count <= length ? text : String(text.prefix(length - 1)) + "…"
  }

  static func escaped(_ text: String) -> String {
    var result = ""
    for character in text {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      default: result.append(character)
      }
    }
    return result
  }
}

/// A linear map from data values to positions, with round tick values.
struct AxisScale {
  let low: Double
  let high: Double
  let start: Double
  let end: Double
  /// Round values inside the range, at most about `tickCount + 1` of them.
  let ticks: [Double]

  /// Covers `values` (widened a little, and to include `including`), mapped onto `start…end`.
  init(
    covering values: [Double], including extra: [Double] = [], from start: Double, to end: Double,
    tickCount: Int = 5
  ) {
    let all = values + extra
    var low = all.min() ?? 0
    var high = all.max() ?? 1
    if high - low < 1e-9 {
      low -= 1
      high += 1
    }
    let step = Self.roundStep((high - low) / Double(max(1, tickCount)))
    low = (low / step).rounded(.down) * step
    high = (high / step).rounded(.up) * step
    self.low = low
    self.high = high
    self.start = start
    self.end = end
    ticks = stride(from: low, through: high + step / 2, by: step).map { ($0 / step).rounded() * step }
  }

  func position(_ value: Double) -> Double {
    start + (value - low) / (high - low) * (end - start)
  }

  /// Decimals enough to tell the ticks apart in their labels.
  var tickDecimals: Int {
    guard ticks.count > 1 else { return 1 }
    let step = (ticks[1] - ticks[0]).magnitude
    return step >= 1 ? 0 : step >= 0.1 ? 1 : step >= 0.01 ? 2 : 3
  }

  /// 1, 2 or 5 times a power of ten, at least `rough`.
  private static func roundStep(_ rough: Double) -> Double {
    let power = pow10((rough.magnitude).log10Floor)
    for multiple in [1.0, 2, 5, 10] where multiple * power >= rough { return multiple * power }
    return 10 * power
  }

  private static func pow10(_ exponent: Int) -> Double {
    var result = 1.0
    if exponent >= 0 {
      for _ in 0..<exponent { result *= 10 }
    } else {
      for _ in 0..<(-exponent) { result /= 10 }
    }
    return result
  }
}

extension Double {
  /// ⌊log₁₀ x⌋ for positive x.
  fileprivate var log10Floor: Int {
    guard self > 0 else { return 0 }
    var exponent = 0
    var value = self
    while value >= 10 {
      value /= 10
      exponent += 1
    }
    while value < 1 {
      value *= 10
      exponent -= 1
    }
    return exponent
  }
}
