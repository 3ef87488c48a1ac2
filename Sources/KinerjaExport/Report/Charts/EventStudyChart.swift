/// The dynamic ATT by event time: estimates with pointwise 95 % intervals (whiskers) over
/// the uniform 95 % band (shaded bars), a line at zero and a dashed line between the last
/// period before training and the period it starts.
struct EventStudyChart {
  struct Point {
    var eventTime: Int
    var estimate: Double
    var low: Double?
    var high: Double?
    /// The uniform band, which holds for every event time at once.
    var bandLow: Double?
    var bandHigh: Double?
  }

  var points: [Point]
  var xTitle: String
  var yTitle: String
  var language: ReportLanguage

  private let width = 660.0
  private let height = 280.0

  func svg(title: String, description: String) -> String {
    var drawing = SVGDrawing(width: width, height: height)
    let plotLeft = 60.0
    let plotRight = width - 20
    let plotTop = 12.0
    let plotBottom = height - 46
    let times = points.map(\.eventTime)
    let first = Double(times.min() ?? 0) - 0.5
    let last = Double(times.max() ?? 0) + 0.5
    func x(_ time: Double) -> Double { plotLeft + (time - first) / (last - first) * (plotRight - plotLeft) }
    let values = points.flatMap { [$0.estimate] + [$0.low, $0.high, $0.bandLow, $0.bandHigh].compactMap { $0 } }
    let y = AxisScale(covering: values, including: [0], from: plotBottom, to: plotTop)
    for tick in y.ticks {
      drawing.line(plotLeft, y.position(tick), plotRight, y.position(tick), style: "grid")
      drawing.text(
        language.number(tick, decimals: y.tickDecimals), x: plotLeft - 6,
        y: y.position(tick) + 3, anchor: .end, style: "tick")
    }
    drawing.line(plotLeft, y.position(0), plotRight, y.position(0), style: "reference")
    drawing.line(x(-0.5), plotTop, x(-0.5), plotBottom, style: "divider")
    drawing.line(plotLeft, plotBottom, plotRight, plotBottom, style: "axis")
    // Every event time gets a tick; labels thin out to about twenty, zero always labelled.
    let labelEvery = max(1, (points.count + 19) / 20)
    for point in points {
      let center = x(Double(point.eventTime))
      if point.eventTime % labelEvery == 0 {
        drawing.text(String(point.eventTime), x: center, y: plotBottom + 14, anchor: .middle, style: "tick")
      }
      if let low = point.bandLow, let high = point.bandHigh {
        let step = (plotRight - plotLeft) / (last - first)
        let halfWidth = min(8, step * 0.35)
        drawing.rectangle(
          x: center - halfWidth, y: y.position(high), width: 2 * halfWidth,
          height: max(0.5, y.position(low) - y.position(high)), style: "band")
      }
      if let low = point.low, let high = point.high {
        drawing.line(center, y.position(low), center, y.position(high), style: "whisker")
      }
      drawing.circle(
        x: center, y: y.position(point.estimate), radius: 3.5,
        style: point.eventTime < 0 ? "point-pre" : "point")
    }
    drawing.text(xTitle, x: (plotLeft + plotRight) / 2, y: height - 10, anchor: .middle, style: "axis-title")
    drawing.verticalText(yTitle, x: 14, y: (plotTop + plotBottom) / 2)
    return drawing.svg(title: title, description: description)
  }
}
