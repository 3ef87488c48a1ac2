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

  func svg(title: String, description: String) -> String {
    let frame = RowChartFrame(rows: rows.count, rightMargin: 20)
    var drawing = frame.drawing()
    let values = rows.flatMap { [$0.estimate] + [$0.low, $0.high].compactMap { $0 } }
    let x = frame.scale(covering: values, including: reference.map { [$0] } ?? [])
    frame.drawAxis(x, title: axisTitle, language: language, on: &drawing)
    drawing.line(frame.plotLeft, frame.plotBottom, frame.plotRight, frame.plotBottom, style: "axis")
    if let reference {
      drawing.line(
        x.position(reference), frame.plotTop, x.position(reference), frame.plotBottom, style: "reference")
    }
    for (index, row) in rows.enumerated() {
      let y = frame.rowCenter(index)
      frame.drawLabel(row.label, row: index, on: &drawing)
      if bars {
        drawing.rectangle(
          x: frame.plotLeft, y: y - RowChartFrame.rowHeight / 2 + 3,
          width: x.position(row.estimate) - frame.plotLeft,
          height: RowChartFrame.rowHeight - 6, style: "bar")
      }
      if let low = row.low, let high = row.high {
        drawing.line(x.position(low), y, x.position(high), y, style: "whisker")
        drawing.line(x.position(low), y - 4, x.position(low), y + 4, style: "whisker")
        drawing.line(x.position(high), y - 4, x.position(high), y + 4, style: "whisker")
      }
      if !bars { drawing.circle(x: x.position(row.estimate), y: y, radius: 3.5, style: "point") }
    }
    return drawing.svg(title: title, description: description)
  }
}
