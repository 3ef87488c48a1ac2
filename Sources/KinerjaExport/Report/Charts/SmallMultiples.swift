/// Line charts of one measure over periods, one small panel per group, on a shared
/// scale so panels can be compared at a glance.
struct SmallMultiples {
  /// One group's series: per period, the mean and optionally a band (p10–p90).
  struct Panel {
    var title: String
    var means: [Double?]
    var bandLow: [Double?]
    var bandHigh: [Double?]
  }

  var periods: [String]
  var panels: [Panel]
  var axisTitle: String
  var language: ReportLanguage

  private let columns = 3
  private let panelWidth = 220.0
  private let panelHeight = 150.0

  func svg(title: String, description: String) -> String {
    let rows = (panels.count + columns - 1) / columns
    var drawing = SVGDrawing(width: panelWidth * Double(columns), height: panelHeight * Double(rows) + 10)
    let values = panels.flatMap {
      $0.means.compactMap { $0 } + $0.bandLow.compactMap { $0 } + $0.bandHigh.compactMap { $0 }
    }
    for (index, panel) in panels.enumerated() {
      let left = Double(index % columns) * panelWidth
      let top = Double(index / columns) * panelHeight
      draw(panel, on: &drawing, left: left, top: top, values: values)
    }
    return drawing.svg(title: title, description: description)
  }

  private func draw(_ panel: Panel, on drawing: inout SVGDrawing, left: Double, top: Double, values: [Double])
  {
    let plotLeft = left + 44
    let plotRight = left + panelWidth - 10
    let plotTop = top + 24
    let plotBottom = top + panelHeight - 30
    let y = AxisScale(covering: values, from: plotBottom, to: plotTop, tickCount: 3)
    func x(_ period: Int) -> Double {
      periods.count < 2
        ? (plotLeft + plotRight) / 2
        : plotLeft + Double(period) / Double(periods.count - 1) * (plotRight - plotLeft)
    }
    drawing.text(SVGDrawing.shortened(panel.title, to: 34), x: left + 8, y: top + 14, style: "panel-title")
    for tick in y.ticks {
      drawing.line(plotLeft, y.position(tick), plotRight, y.position(tick), style: "grid")
      drawing.text(
        language.number(tick, decimals: 0), x: plotLeft - 4, y: y.position(tick) + 3, anchor: .end,
        style: "tick")
    }
    drawing.line(plotLeft, plotBottom, plotRight, plotBottom, style: "axis")
    if let first = periods.first, let last = periods.last {
      drawing.text(first, x: plotLeft, y: plotBottom + 14, anchor: .start, style: "tick")
      if periods.count > 1 {
        drawing.text(last, x: plotRight, y: plotBottom + 14, anchor: .end, style: "tick")
      }
    }
    // The band where both ends are known, as one polygon per unbroken run of periods.
    var run: [Int] = []
    func closeBand() {
      if run.count > 1 {
        let upper = run.map { (x: x($0), y: y.position(panel.bandHigh[$0]!)) }
        let lower = run.reversed().map { (x: x($0), y: y.position(panel.bandLow[$0]!)) }
        drawing.polygon(upper + lower, style: "band")
      }
      run = []
    }
    for period in periods.indices {
      if panel.bandLow[period] != nil && panel.bandHigh[period] != nil {
        run.append(period)
      } else {
        closeBand()
      }
    }
    closeBand()
    drawing.polyline(
      panel.means.enumerated().map { period, mean in mean.map { (x: x(period), y: y.position($0)) } },
      style: "series")
    for (period, mean) in panel.means.enumerated() {
      if let mean { drawing.circle(x: x(period), y: y.position(mean), radius: 1.8, style: "point") }
    }
    if left == 0 { drawing.verticalText(axisTitle, x: left + 9, y: (plotTop + plotBottom) / 2) }
  }
}
