/// Horizontal bars, one per row, with the value (and an optional note, such as an IKM
/// grade) written at the bar's end.
struct BarChart {
  struct Bar {
    var label: String
    var value: Double
    var note: String?
  }

  var bars: [Bar]
  var axisTitle: String
  var decimals: Int
  var language: ReportLanguage

  private let width = 660.0
  private let labelWidth = 230.0
  private let rowHeight = 20.0

  func svg(title: String, description: String) -> String {
    let height = Double(bars.count) * rowHeight + 60
    var drawing = SVGDrawing(width: width, height: height)
    let plotLeft = labelWidth + 10
    let plotRight = width - 90
    let plotTop = 10.0
    let plotBottom = height - 42
    let x = AxisScale(covering: bars.map(\.value), including: [0], from: plotLeft, to: plotRight)
    for tick in x.ticks {
      drawing.line(x.position(tick), plotTop, x.position(tick), plotBottom, style: "grid")
      drawing.text(
        language.number(tick, decimals: IntervalChart.decimals(x.ticks)), x: x.position(tick),
        y: plotBottom + 14, anchor: .middle, style: "tick")
    }
    for (index, bar) in bars.enumerated() {
      let y = plotTop + Double(index) * rowHeight
      drawing.text(
        SmallMultiples.shortened(bar.label, to: 38), x: labelWidth, y: y + rowHeight / 2 + 4, anchor: .end)
      drawing.rectangle(
        x: x.position(0), y: y + 3, width: x.position(bar.value) - x.position(0), height: rowHeight - 6,
        style: "bar")
      let text = language.number(bar.value, decimals: decimals) + (bar.note.map { " \($0)" } ?? "")
      drawing.text(text, x: x.position(bar.value) + 4, y: y + rowHeight / 2 + 4, style: "value")
    }
    drawing.line(x.position(0), plotTop, x.position(0), plotBottom, style: "axis")
    drawing.text(
      axisTitle, x: (plotLeft + plotRight) / 2, y: height - 8, anchor: .middle, style: "axis-title")
    return drawing.svg(title: title, description: description)
  }
}
