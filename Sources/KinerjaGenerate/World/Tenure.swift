/// The months of the window an employee is appraised in: all of them, or from the month they
/// join, or up to the month they leave.
///
/// Only appraisals follow it: the employee stays in the master, and a programme they attend
/// keeps its dates.
enum Tenure: Equatable {
  case throughout
  /// Joins in `firstMonth` (0-based, after the window's first): no appraisal before it.
  case joins(firstMonth: Int)
  /// Leaves after `lastMonth` (0-based, before the window's last): no appraisal after it.
  case leaves(lastMonth: Int)

  /// Whether the employee has an appraisal due in `month`.
  func includes(_ month: Int) -> Bool {
    switch self {
    case .throughout: true
    case .joins(let first): month >= first
    case .leaves(let last): month <= last
    }
  }

  /// Employee `index`'s tenure, from a stream of its own: a joiner with chance `joinerShare`,
  /// else a leaver with chance `leaverShare`, the month uniform over those possible.
  static func draw(employee index: Int, options: GeneratorOptions) -> Tenure {
    let shapes = options.shapes
    guard options.months >= 2, shapes.joinerShare + shapes.leaverShare > 0 else { return .throughout }
    var random = StreamRandom(seed: options.seed, stream: .tenure, index: index)
    let draw = random.uniform()
    if draw < shapes.joinerShare { return .joins(firstMonth: random.int(1...(options.months - 1))) }
    if draw < shapes.joinerShare + shapes.leaverShare {
      return .leaves(lastMonth: random.int(0...(options.months - 2)))
    }
    return .throughout
  }
}
