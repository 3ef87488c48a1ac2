public import KinerjaClean

/// The group each employee belongs to at one trend level, and the groups' labels.
public struct EmployeeGrouping: Sendable {
  /// A group as outputs name it.
  package struct Label: Sendable, Equatable {
    /// The group's key: a code, a region, a grade … (`all` for the nation).
    package var key: String
    /// A readable name (the agency name for agencies; otherwise the key).
    package var name: String
    /// The agency a unit belongs to; empty for other levels.
    package var agencyCode: String
  }

  /// The value outputs show for an employee whose attribute the export left empty.
  package static let missingKey = "(missing)"

  /// The level grouped by: one of ``Dimension/rosterLevels``.
  package let level: Dimension
  /// Each employee's group id (an index into `labels`).
  package let groupOfEmployee: [Int32]
  /// The groups' labels, by group id.
  package let labels: [Label]
  /// The group of employees whose attribute the export left empty (labelled ``missingKey``),
  /// if the level has one.
  package let missingGroup: Int32?

  /// Groups the roster's employees at `level`, a roster level (not a programme attribute).
  public init(level: Dimension, roster: EmployeeRoster) {
    precondition(!level.isProgrammeAttribute, "employees are grouped by roster levels, not by \(level)")
    self.level = level
    switch level {
    case .nation:
      groupOfEmployee = [Int32](repeating: 0, count: roster.count)
      labels = [Label(key: "all", name: "all", agencyCode: "")]
      missingGroup = nil
    case .region:
      (groupOfEmployee, labels) = Self.byLabel(roster.region, table: roster.regions)
      missingGroup = Int32(labels.count - 1)
    case .agency:
      groupOfEmployee = roster.agency
      labels = roster.agencies.labels.indices.map { id in
        let code = roster.agencies.labels[id]
        let name = roster.agencyNames[id]
        return Label(key: code, name: name.isEmpty ? code : name, agencyCode: code)
      }
      missingGroup = nil
    case .unit:
      var ids: [Int64: Int32] = [:]
      var labels: [Label] = []
      groupOfEmployee = roster.agency.indices.map { employee in
        let agency = roster.agency[employee]
        let unit = roster.unit[employee]
        let key = Int64(agency) << 32 | Int64(UInt32(bitPattern: unit))
        if let id = ids[key] { return id }
        let id = Int32(labels.count)
        ids[key] = id
        let unitName = unit < 0 ? Self.missingKey : roster.units[unit]
        labels.append(Label(key: unitName, name: unitName, agencyCode: roster.agencies[agency]))
        return id
      }
      self.labels = labels
      // A missing unit is a group of its own within each agency.
      missingGroup = nil
    case .sector:
      (groupOfEmployee, labels) = Self.byLabel(roster.sector, table: roster.sectors)
      missingGroup = Int32(labels.count - 1)
    case .grade:
      (groupOfEmployee, labels) = Self.byValue(roster.grade)
      missingGroup = Int32(labels.count - 1)
    case .positionType:
      (groupOfEmployee, labels) = Self.byValue(roster.positionType)
      missingGroup = Int32(labels.count - 1)
    case .program, .method, .topic, .provider:
      preconditionFailure("unreachable: checked above")
    }
  }

  /// The number of groups.
  package var count: Int { labels.count }

  private static func byLabel(_ ids: [Int32], table: LabelTable) -> ([Int32], [Label]) {
    let missing = Int32(table.count)
    let groups = ids.map { $0 < 0 ? missing : $0 }
    var labels = table.labels.map { Label(key: $0, name: $0, agencyCode: "") }
    labels.append(Label(key: missingKey, name: missingKey, agencyCode: ""))
    return (groups, labels)
  }

  private static func byValue<Value: RawRepresentable & CaseIterable & CustomStringConvertible>(
    _ values: [Value?]
  ) -> ([Int32], [Label]) where Value.RawValue == UInt8 {
    // Group ids follow the type's own order (grades I/a … IV/e); the last is "missing".
    let cases = Array(Value.allCases)
    let missing = Int32(cases.count)
    let groups = values.map { value in
      value.flatMap { value in cases.firstIndex { $0.rawValue == value.rawValue } }.map(Int32.init) ?? missing
    }
    var labels = cases.map { Label(key: $0.description, name: $0.description, agencyCode: "") }
    labels.append(Label(key: missingKey, name: missingKey, agencyCode: ""))
    return (groups, labels)
  }
}
