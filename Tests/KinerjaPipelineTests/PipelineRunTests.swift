import Foundation
import KinerjaPipeline
import KinerjaTestSupport
import Testing

@Suite struct PipelineRunTests {
  /// A pipeline over three employees, one of whose two appraisals is bad.
  func makePipeline(_ directory: TemporaryDirectory, performanceLimit: Double) -> String {
    directory.write(
      "data/e.csv",
      "nip,agency_code,region\n198001012005011001,A,R\n198001012005011002,A,R\n198001012005011003,B,R\n")
    directory.write(
      "data/p.csv", "nip,period,score\n198001012005011001,2024-01,80\n198001012005011002,2024-01,999\n")
    return directory.write(
      "p.yaml",
      """
      inputs:
        employees: { path: data/e.csv }
        performance: { path: data/p.csv, max_reject_rate: \(performanceLimit) }
      min_group: 1
      output: out
      """)
  }

  @Test func rejectRateOverTheLimitLeavesPreviousOutputsAndKeepsTheEvidence() throws {
    let directory = TemporaryDirectory()
    let path = makePipeline(directory, performanceLimit: 0.9)
    let pipeline = try PipelineFile.load(path: path)
    _ = try PipelineRun(pipeline: pipeline, output: nil, threads: 1, log: RunLog(isQuiet: true)).run()
    let previous = try #require(directory.read("out/trends.csv"))
    #expect(previous.contains("nation,all,all,,2024-01,1,1,80.0,"))

    _ = makePipeline(directory, performanceLimit: 0.1)
    let strict = try PipelineFile.load(path: path)
    #expect(throws: RunError.self) {
      try PipelineRun(pipeline: strict, output: nil, threads: 1, log: RunLog(isQuiet: true)).run()
    }
    #expect(directory.read("out/trends.csv") == previous)
    #expect(
      directory.read("out/.last-failed/rejects/performance.csv")?.contains("score_out_of_range") == true)
    #expect(directory.read("out/.last-failed/data_quality.csv") != nil)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: "\(directory.path)/out").filter {
      $0.hasPrefix(".staging")
    }
    #expect(leftovers.isEmpty)
  }

  @Test func missingInputFailsWithoutTouchingOutputs() throws {
    let directory = TemporaryDirectory()
    let path = makePipeline(directory, performanceLimit: 0.9)
    _ = try PipelineRun(
      pipeline: try PipelineFile.load(path: path), output: nil, threads: 1, log: RunLog(isQuiet: true)
    ).run()
    let previous = try #require(directory.read("out/manifest.json"))
    try FileManager.default.removeItem(atPath: "\(directory.path)/data/p.csv")
    #expect {
      try PipelineRun(
        pipeline: try PipelineFile.load(path: path), output: nil, threads: 1, log: RunLog(isQuiet: true)
      ).run()
    } throws: { error in
      ExitStatus(for: error) == .io && "\(error)".contains("p.csv")
    }
    #expect(directory.read("out/manifest.json") == previous)
  }

  @Test func exitStatuses() {
    #expect(ExitStatus(for: PipelineFileError(path: "p", message: "m")) == .usage)
    #expect(
      ExitStatus(
        for: RunError.rejectRateExceeded(input: "x", path: "x", rejected: 1, read: 1, limit: 0, keptAt: nil))
        == .dataProblem)
  }
}
