import Foundation
import KinerjaGenerate
import KinerjaTestSupport
import Testing

/// The training shapes are planted as asked: training by agency, courses that run for months,
/// the dip while in a course, and the placebo, checked on the written files and truth.json.
@Suite struct PlantedTrainingShapesTests {
  @Test func byAgencyTheTrainedOfAnAgencyShareOneProgrammeAndItsStartMonth() throws {
    let (directory, truth) = try generate(
      employees: 5000, months: 24, seed: 8, style: .canonical,
      shapes: PlantedShapes(trainingAssignment: .agency, courseMonths: 3))
    let exports = try CanonicalExports(directory)
    let byAgency = Dictionary(grouping: exports.courses) { exports.agencyOf[$0.nip]! }
    let running = truth.agencies.filter { $0.programme != nil }
    #expect(Set(byAgency.keys) == Set(running.map(\.code)), "only agencies that run a programme train")
    #expect(running.count >= 2 && running.count <= truth.agencies.count - 2, "\(running.count) agencies")
    for (code, courses) in byAgency {
      let agency = try #require(truth.agencies.first { $0.code == code })
      let programme = try #require(agency.programme)
      #expect(Set(courses.map(\.startMonth)).count == 1, "\(code): one start month")
      #expect(Set(courses.map(\.programID)) == [programme.programId], "\(code): one programme")
      #expect(Set(courses.map(\.startDate)).count == 1 && Set(courses.map(\.endDate)).count == 1)
      #expect(courses[0].startDate.prefix(7) == programme.startPeriod)
      #expect(courses[0].endDate.prefix(7) == programme.endPeriod)
      #expect(programme.participants == courses.count)
      if agency.employees >= 50 {
        #expect(Double(courses.count) / Double(agency.employees) >= 0.7, "\(code): most of the staff")
      }
    }
    #expect(truth.parameters.assignBy == .agency)
    #expect(truth.trainedShare == Double(exports.courses.count) / 5000)
  }

  @Test(arguments: [1, 4])
  func coursesLastAtMostTheCalendarMonthsAsked(courseMonths: Int) throws {
    let (baseline, _) = try generate(employees: 3000, months: 24, seed: 9, style: .canonical)
    let (directory, truth) = try generate(
      employees: 3000, months: 24, seed: 9, style: .canonical,
      shapes: PlantedShapes(courseMonths: courseMonths))
    let courses = try CanonicalExports(directory).courses
    let baselineCourses = try CanonicalExports(baseline).courses
    for course in courses {
      let longest = try #require(truth.methods[course.method]?.longestCourseMonths)
      #expect(
        course.calendarMonths <= longest, "\(course.method) from \(course.startDate) to \(course.endDate)")
      #expect(course.startMonth >= 0, "starts in the window")
    }
    #expect(truth.methods["seminar"]?.longestCourseMonths == 1)
    #expect(truth.methods["workshop"]?.longestCourseMonths == min(2, courseMonths))
    #expect(truth.methods["pelatihan"]?.longestCourseMonths == courseMonths)
    if courseMonths == 1 {
      #expect(courses.allSatisfy { $0.startMonth == $0.endMonth })
    } else {
      #expect(courses.contains { $0.calendarMonths == courseMonths }, "the longest length occurs")
      #expect(courses.filter { $0.startMonth < $0.endMonth }.count > courses.count / 4)
    }
    // The same employees attend the same programmes, ending on the same day: only starts move.
    #expect(courses.map(\.nip) == baselineCourses.map(\.nip))
    #expect(courses.map(\.programID) == baselineCourses.map(\.programID))
    #expect(courses.map(\.endDate) == baselineCourses.map(\.endDate))
    #expect(
      zip(courses, baselineCourses).allSatisfy {
        courseMonths == 1 ? $0.startDate >= $1.startDate : $0.startDate <= $1.startDate
      })
  }

  /// Against the same world without a dip, a score is lower by the dip exactly in the months
  /// from the start month to the end month of the employee's course, whatever its status.
  @Test func scoresDipFromTheStartMonthToTheEndMonthOfEveryCourse() throws {
    let dip = 2.5
    let plain = PlantedShapes(courseMonths: 3)
    var dipped = plain
    dipped.inCourseDip = dip
    let (without, _) = try generate(employees: 2000, months: 24, style: .canonical, shapes: plain)
    let (directory, truth) = try generate(employees: 2000, months: 24, style: .canonical, shapes: dipped)
    let plainScores = try CanonicalExports(without).scores
    let exports = try CanonicalExports(directory)
    let courseOf = Dictionary(uniqueKeysWithValues: exports.courses.map { ($0.nip, $0) })
    var inCourse = 0
    var mismatched = 0
    for row in exports.appraisals {
      let course = courseOf[row.nip]
      let expected = course.map { ($0.startMonth...$0.endMonth).contains(row.month) } == true ? -dip : 0
      if expected != 0 { inCourse += 1 }
      if abs(row.score - plainScores[row.nip]![row.month]! - expected) > 0.0101 { mismatched += 1 }
    }
    #expect(mismatched <= exports.appraisals.count / 1000, "\(mismatched) scores off (only at 0 or 120)")
    #expect(inCourse > 1000, "\(inCourse) appraisals in a course")
    #expect(exports.courses.contains { $0.status != "completed" && $0.startMonth < $0.endMonth })
    #expect(truth.methods.values.allSatisfy { $0.inCourseDip == dip })
    #expect(truth.eventTime?.inCourseDip.contains("start_date") == true)
    #expect(truth.eventTime?.effect.contains("strictly after") == true)
  }

  /// A placebo plants every effect as 0: against the baseline, scores differ by the method's
  /// effect exactly in the months after the end month of a completed programme.
  @Test(arguments: [0.0, 2.0])
  func effectScaleMultipliesEveryPlantedEffect(scale: Double) throws {
    let (baseline, baselineTruth) = try generate(employees: 2000, months: 24, style: .canonical)
    let (directory, truth) = try generate(
      employees: 2000, months: 24, style: .canonical, shapes: PlantedShapes(effectScale: scale))
    for (method, planted) in truth.methods {
      let unscaled = try #require(baselineTruth.methods[method])
      #expect(planted.effect == unscaled.effect * scale, "\(method)")
      #expect(planted.participants == unscaled.participants)
      #expect(planted.inCourseDip == 0, "no dip unless asked")
    }
    if scale == 0 { #expect(truth.methods.values.allSatisfy { $0.effect == 0 }) }
    let baselineScores = try CanonicalExports(baseline).scores
    let exports = try CanonicalExports(directory)
    let courseOf = Dictionary(uniqueKeysWithValues: exports.courses.map { ($0.nip, $0) })
    var mismatched = 0
    for row in exports.appraisals {
      var expected = 0.0
      if let course = courseOf[row.nip], course.status == "completed", row.month > course.endMonth {
        expected = (scale - 1) * baselineTruth.methods[course.method]!.effect
      }
      if abs(row.score - baselineScores[row.nip]![row.month]! - expected) > 0.0101 { mismatched += 1 }
    }
    #expect(mismatched <= exports.appraisals.count / 1000, "\(mismatched) scores off (only at 0 or 120)")
  }
}
