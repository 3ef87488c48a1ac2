package import Foundation
import Mustache

/// `report.html`: the run's outputs as one self-contained page of charts and tables.
///
/// Charts are drawn as inline SVG by Kinerja's own code and the page comes from one
/// Mustache template with its stylesheet inline: no JavaScript, nothing fetched, so it
/// opens offline and prints on A4. It is built only from the output tables, so every
/// plotted number is also in a table and nothing the outputs withhold (names,
/// comments, small groups) can appear.
package struct ReportPage: Sendable {
  /// The language of labels and numbers.
  package var language: ReportLanguage

  package init(language: ReportLanguage) { self.language = language }

  /// The page for a run that produced `tables`, started on `runDate` from `pipeline`.
  package func render(tables: [OutputTable], runDate: String, pipeline: String) throws -> String {
    let sections = ReportSections(tables: tables, language: language)
    let content = ReportContent(
      language: language.rawValue,
      title: language.text(ReportTexts.documentTitle),
      summary: sections.summary(runDate: runDate, pipeline: pipeline),
      sections: sections.sections(),
      footer: language.text(ReportTexts.footer))
    return try ReportTemplate.library().render(content, withTemplate: "page") ?? ""
  }

  /// Writes the page as `report.html` into `directory`; returns the file written.
  package func write(
    tables: [OutputTable], runDate: Date, pipeline: String, into directory: String
  ) throws -> RunManifest.Output {
    let name = "report.html"
    let file = try OutputFile(path: "\(directory)/\(name)")
    try file.write(try render(tables: tables, runDate: Self.day(of: runDate), pipeline: pipeline))
    return try file.close(as: name)
  }

  /// The run's day in UTC, as `2026-11-23`.
  static func day(of date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
  }
}
