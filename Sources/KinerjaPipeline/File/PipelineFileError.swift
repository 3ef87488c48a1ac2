/// A problem with the pipeline file, pointing at the key and line (exit 2).
public struct PipelineFileError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The pipeline file.
  public var path: String
  /// The 1-based line, when the problem has one.
  public var line: Int?
  /// The 1-based column, when the problem has one.
  public var column: Int?
  /// The key at fault, dotted from the top (`inputs.training.delimiter`), if any.
  public var key: String?
  /// What is wrong.
  public var message: String

  public init(path: String, line: Int? = nil, column: Int? = nil, key: String? = nil, message: String) {
    self.path = path
    self.line = line
    self.column = column
    self.key = key
    self.message = message
  }

  public var description: String {
    var place = path
    if let line { place += ":\(line)" }
    if let column { place += ":\(column)" }
    return "\(place): " + (key.map { "'\($0)': " } ?? "") + message
  }
}
