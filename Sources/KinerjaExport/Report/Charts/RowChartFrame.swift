/// The layout of a chart with one row per item: labels on the left, a value axis along
/// the bottom with grid lines and its title. `BarChart` and `IntervalChart` draw in it.
struct RowChartFrame {
  static let width = 660.0
  static let labelWidth = 230.0
  static let rowHeight = 20.0

  let rows: Int
  /// Room kept right of the plot (for values written after the bars).
  let rightMargin: Double

  var height: Double { Double(rows) * Self.rowHeight + 60 }
  var plotLeft: Double { Self.labelWidth + 10 }
  var plotRight: Double { Self.width - rightMargin }
  let plotTop = 10.0
  var plotBottom: Double { height - 42 }

  /// The vertical middle of row `index`.
  func rowCenter(_ index: Int) -> Double { plotTop + (Double(index) + 0.5) * Self.rowHeight }

  /// An empty drawing of the frame's size.
  func drawing() -> SVGDrawing { SVGDrawing(width: Self.width, height: height) }

  /// A value axis covering `values` (and `including`), across the plot.
  func scale(covering values: [Double], including extra: [Double]) -> AxisScale {
    AxisScale(covering: values, including: extra, from: plotLeft, to: plotRight)
  }

  /// Grid lines and tick labels of `scale`, and the axis title below them.
  func drawAxis(_ scale: AxisScale, title: String, language: ReportLanguage, on drawing: inout SVGDrawing) {
    for tick in scale.ticks {
      drawing.line(scale.position(tick), plotTop, scale.position(tick), plotBottom, style: "grid")
      drawing.text(
        language.number(tick, decimals: scale.tickDecimals), x: scale.position(tick),
        y: plotBottom + 14, anchor: .middle, style: "tick")
    }
    drawing.text(title, x: (plotLeft + plotRight) / 2, y: height - 8, anchor: .middle, style: "axis-title")
  }

  /// Row `index`'s label, right-aligned against the plot.
  func drawLabel(_ label: String, row index: Int, on drawing: inout SVGDrawing) {
    drawing.text(
      SVGDrawing.shortened(label, to: 38), x: Self.labelWidth, y: rowCenter(index) + 4, anchor: .end)
  }
}
