/// A way of grouping: by a level of the employee roster, or by an attribute of the
/// training programme a participation belongs to.
///
/// Raw values are the names outputs and pipeline files use.
public enum Dimension: String, CaseIterable, Sendable, Codable {
  // Levels of the roster, from the employee master.
  case nation
  case region
  case agency
  /// A work unit within its agency (unit names repeat across agencies).
  case unit
  case sector
  case grade
  case positionType = "position_type"

  // Attributes of a training participation's programme.
  case program
  case method
  case topic
  case provider

  /// The roster levels, from the nation down: the levels trends are grouped by.
  public static let rosterLevels: [Dimension] = [
    .nation, .region, .agency, .unit, .sector, .grade, .positionType,
  ]

  /// Whether the dimension is an attribute of the training programme rather than of the employee.
  package var isProgrammeAttribute: Bool {
    switch self {
    case .program, .method, .topic, .provider: true
    case .nation, .region, .agency, .unit, .sector, .grade, .positionType: false
    }
  }
}
