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

  func svg(title: String, description: String) -> String {
    let frame = RowChartFrame(rows: bars.count, rightMargin: 90)
    var drawing = frame.drawing()
    let x = frame.scale(covering: bars.map(\.value), including: [0])
    frame.drawAxis(x, title: axisTitle, language: language, on: &drawing)
    for (index, bar) in bars.enumerated() {
      let y = frame.rowCenter(index)
      frame.drawLabel(bar.label, row: index, on: &drawing)
      drawing.rectangle(
        x: x.position(0), y: y - RowChartFrame.rowHeight / 2 + 3,
        width: x.position(bar.value) - x.position(0),
        height: RowChartFrame.rowHeight - 6, style: "bar")
      let text = language.number(bar.value, decimals: decimals) + (bar.note.map { " \($0)" } ?? "")
      drawing.text(text, x: x.position(bar.value) + 4, y: y + 4, style: "value")
    }
    drawing.line(x.position(0), frame.plotTop, x.position(0), frame.plotBottom, style: "axis")
    return drawing.svg(title: title, description: description)
  }
}
