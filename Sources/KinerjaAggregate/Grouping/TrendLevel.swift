/// A way of grouping employees for trends.
public enum TrendLevel: String, CaseIterable, Sendable, Codable {
  case nation
  case region
  case agency
  /// A work unit within its agency (unit names repeat across agencies).
  case unit
  case sector
  case grade
  case positionType = "position_type"
}
