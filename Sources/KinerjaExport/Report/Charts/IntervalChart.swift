/// Estimates with their intervals, one row each: a forest plot of effects with a line
/// at zero (dots), or agencies' shrunken means (bars, with the interval over each bar).
struct IntervalChart {
  struct Row {
    var label: String
    var estimate: Double
    var low: Double?
    var high: Double?
  }

  var rows: [Row]
  /// A vertical reference line (zero for effects), if any.
  var reference: Double?
  var axisTitle: String
  var language: ReportLanguage
  /// Whether each estimate is drawn as a bar from the axis' start rather than a dot.
  var bars = false

  private let width = 660.0
  private let labelWidth = 230.0
  private let rowHeight = 20.0

  func svg(title: String, description: String) -> String {
    let height = Double(rows.count) * rowHeight + 60
    var drawing = SVGDrawing(width: width, height: height)
    let plotLeft = labelWidth + 10
    let plotRight = width - 20
    let plotTop = 10.0
    let plotBottom = height - 42
    let values = rows.flatMap { [$0.estimate] + [$0.low, $0.high].compactMap { $0 } }
    let x = AxisScale(
      covering: values, including: reference.map { [$0] } ?? [], from: plotLeft, to: plotRight)
    for tick in x.ticks {
      drawing.line(x.position(tick), plotTop, x.position(tick), plotBottom, style: "grid")
      drawing.text(
        language.number(tick, decimals: Self.decimals(x.ticks)), x: x.position(tick), y: plotBottom + 14,
        anchor: .middle, style: "tick")
    }
    drawing.line(plotLeft, plotBottom, plotRight, plotBottom, style: "axis")
    if let reference {
      drawing.line(x.position(reference), plotTop, x.position(reference), plotBottom, style: "reference")
    }
    for (index, row) in rows.enumerated() {
      let y = plotTop + (Double(index) + 0.5) * rowHeight
      drawing.text(SmallMultiples.shortened(row.label, to: 38), x: labelWidth, y: y + 4, anchor: .end)
      if bars {
        drawing.rectangle(
          x: plotLeft, y: y - rowHeight / 2 + 3, width: x.position(row.estimate) - plotLeft,
          height: rowHeight - 6,
          style: "bar")
      }
      if let low = row.low, let high = row.high {
        drawing.line(x.position(low), y, x.position(high), y, style: "whisker")
        drawing.line(x.position(low), y - 4, x.position(low), y + 4, style: "whisker")
        drawing.line(x.position(high), y - 4, x.position(high), y + 4, style: "whisker")
      }
      if !bars { drawing.circle(x: x.position(row.estimate), y: y, radius: 3.5, style: "point") }
    }
    drawing.text(
      axisTitle, x: (plotLeft + plotRight) / 2, y: height - 8, anchor: .middle, style: "axis-title")
    return drawing.svg(title: title, description: description)
  }

  /// Decimals enough to tell the ticks apart.
  static func decimals(_ ticks: [Double]) -> Int {
    guard ticks.count > 1 else { return 1 }
    let step = (ticks[1] - ticks[0]).magnitude
    return step >= 1 ? 0 : step >= 0.1 ? 1 : step >= 0.01 ? 2 : 3
  }
}
