/// How a staggered difference-in-differences is set up: whom the trained are compared
/// with, which employees count, how standard errors are clustered, when training counts
/// as begun, and the multiplier bootstrap behind the uniform bands.
///
/// Each setting has its `did` (`att_gt`) counterpart, named on the property.
package struct DiDSettings: Sendable, Equatable {
  /// Which employees' appraisals count.
  package enum Panel: String, Sendable, CaseIterable {
    /// Every appraisal (`allow_unbalanced_panel = TRUE`).
    case unbalanced
    /// Only employees appraised in every period that has data (`did`'s default).
    case balanced
  }

  /// What standard errors and the bootstrap treat as independent.
  package enum Cluster: String, Sendable, CaseIterable {
    /// Agencies (`clustervars = "agency"`): training assigned by agency and shocks shared
    /// within an agency do not make intervals too narrow.
    case agency
    /// Employees (`did` without `clustervars`).
    case employee
  }

  /// Which date of an employee's first completed training puts them in a cohort.
  package enum CohortDate: String, Sendable, CaseIterable {
    /// The period of the start date: the base period lies before the course.
    case start
    /// The period of the end date.
    case end
  }

  /// `control_group`.
  package var control: StaggeredDiD.ControlGroup
  package var panel: Panel
  package var cluster: Cluster
  /// `gname`: the cohort is the period of this date.
  package var cohortFrom: CohortDate
  /// `anticipation`: periods before the cohort's in which training may already have an effect.
  package var anticipation: Int
  /// `biters` of the multiplier bootstrap; 0 leaves out the uniform bands (the wild
  /// cluster bootstrap of 6–50 agencies draws on its own, see `DiDStudy`).
  package var bootstrapDraws: Int
  /// The bootstrap's seed: with it the bands are the same on every run and thread count.
  package var bootstrapSeed: UInt64
  /// Worker threads for the ATT(g, t) and the bootstraps; results do not depend on their number.
  package var threads: Int

  package init(
    control: StaggeredDiD.ControlGroup = .never, panel: Panel = .unbalanced, cluster: Cluster = .agency,
    cohortFrom: CohortDate = .start, anticipation: Int = 0, bootstrapDraws: Int = 1000, bootstrapSeed: UInt64 = 1,
    threads: Int = 1
  ) {
    self.control = control
    self.panel = panel
    self.cluster = cluster
    self.cohortFrom = cohortFrom
    self.anticipation = anticipation
    self.bootstrapDraws = bootstrapDraws
    self.bootstrapSeed = bootstrapSeed
    self.threads = threads
  }
}
