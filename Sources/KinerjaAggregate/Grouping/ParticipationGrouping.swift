package import KinerjaClean

/// The group each training participation belongs to along one dimension: an attribute of
/// its programme (programme, method, topic, provider) or its employee's roster group.
package struct ParticipationGrouping: Sendable {
  /// The dimension grouped by.
  package let dimension: Dimension
  /// Each participation's group id (an index into `keys`); −1 where the export left the
  /// attribute empty.
  package let groupOfParticipation: [Int32]
  /// The groups' keys, by group id: a programme id, a method, a topic, an agency code …
  /// Unit names repeat across agencies, so `.unit` keys are not unique: tell units apart
  /// by group id (``EmployeeGrouping``'s labels carry their agency).
  package let keys: [String]

  /// Groups `participations` by `dimension`.
  package init(dimension: Dimension, participations: ParticipationTable, roster: EmployeeRoster) {
    self.dimension = dimension
    switch dimension {
    case .program:
      groupOfParticipation = participations.program
      keys = participations.programs.labels
    case .method:
      let methods = TrainingMethod.allCases
      groupOfParticipation = participations.method.map { method in
        Int32(methods.firstIndex(of: method)!)
      }
      keys = methods.map(\.description)
    case .topic:
      groupOfParticipation = participations.topic
      keys = participations.topics.labels
    case .provider:
      groupOfParticipation = participations.provider
      keys = participations.providers.labels
    case .nation, .region, .agency, .unit, .sector, .grade, .positionType:
      let employees = EmployeeGrouping(level: dimension, roster: roster)
      groupOfParticipation = participations.employee.map { employee in
        let group = employees.groupOfEmployee[Int(employee)]
        return group == employees.missingGroup ? -1 : group
      }
      keys = employees.labels.map(\.key)
    }
  }

  /// The number of groups.
  package var count: Int { keys.count }
}
