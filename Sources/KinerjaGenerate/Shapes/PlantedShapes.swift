package import KinerjaIngest

/// Who training is assigned to: employees one by one, or whole agencies.
package enum TrainingAssignment: String, Sendable, CaseIterable, Codable {
  /// Each employee attends a programme of their own, independently of colleagues.
  case employee
  /// A random subset of agencies each run one programme, attended by most of their staff,
  /// so that treatment is correlated within an agency.
  case agency
}

/// Shapes of real e-Kinerja exports planted on top of the baseline world: appraisals that go
/// missing, staff who join or leave, lost monthly exports, agency-wide training, shocks that
/// hit a whole agency in one month, courses that run for months, and the size of the effects.
///
/// `baseline` is the world as generated before these options existed, byte for byte.
package struct PlantedShapes: Sendable, Equatable {
  /// Share of employee-months without an appraisal, missing at random.
  package var missingAppraisalShare: Double
  /// Share of employees who join during the window: no appraisal before a random month.
  package var joinerShare: Double
  /// Share of employees who leave during the window: no appraisal after a random month.
  package var leaverShare: Double
  /// Months in which nobody has an appraisal, as when a monthly export is lost; sorted.
  package private(set) var emptyMonths: [Period]
  /// Who is trained.
  package var trainingAssignment: TrainingAssignment
  /// Standard deviation of the shock drawn for every agency and month and added to every
  /// score of the agency in that month.
  package var agencyShockSD: Double
  /// The longest course, in calendar months from its start month to its end month inclusive.
  package var courseMonths: Int
  /// How much lower every participant's score is in the months from a course's start month
  /// to its end month inclusive.
  package var inCourseDip: Double
  /// Factor on every method's planted effect: 0 plants none (a placebo), for calibration.
  package var effectScale: Double

  package init(
    missingAppraisalShare: Double = 0.02, joinerShare: Double = 0, leaverShare: Double = 0,
    emptyMonths: [Period] = [], trainingAssignment: TrainingAssignment = .employee, agencyShockSD: Double = 0,
    courseMonths: Int = 2, inCourseDip: Double = 0, effectScale: Double = 1
  ) {
    self.missingAppraisalShare = missingAppraisalShare
    self.joinerShare = joinerShare
    self.leaverShare = leaverShare
    self.emptyMonths = Array(Set(emptyMonths)).sorted()
    self.trainingAssignment = trainingAssignment
    self.agencyShockSD = agencyShockSD
    self.courseMonths = courseMonths
    self.inCourseDip = inCourseDip
    self.effectScale = effectScale
  }

  /// The world without any shape option: 2 % of appraisals missing, training by employee,
  /// courses of at most two calendar months (at most 27 days), the methods' full effects.
  package static let baseline = PlantedShapes()

  /// The `kinerja generate` options that ask for these shapes, leaving out those at baseline.
  var commandLineOptions: [String] {
    let baseline = Self.baseline
    var options: [String] = []
    if missingAppraisalShare != baseline.missingAppraisalShare {
      options.append("--missing-appraisals \(missingAppraisalShare)")
    }
    if joinerShare != baseline.joinerShare { options.append("--joiners \(joinerShare)") }
    if leaverShare != baseline.leaverShare { options.append("--leavers \(leaverShare)") }
    if !emptyMonths.isEmpty {
      options.append("--empty-month \(emptyMonths.map(\.description).joined(separator: ","))")
    }
    if trainingAssignment != baseline.trainingAssignment {
      options.append("--assign-by \(trainingAssignment.rawValue)")
    }
    if agencyShockSD != baseline.agencyShockSD { options.append("--agency-shocks \(agencyShockSD)") }
    if courseMonths != baseline.courseMonths { options.append("--course-months \(courseMonths)") }
    if inCourseDip != baseline.inCourseDip { options.append("--in-course-dip \(inCourseDip)") }
    if effectScale != baseline.effectScale { options.append("--effect-scale \(effectScale)") }
    return options
  }
}
