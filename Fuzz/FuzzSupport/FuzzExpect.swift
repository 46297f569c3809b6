import Foundation

/// Stops the run when an invariant of the code under test fails, so that the fuzzer keeps the input
/// that broke it (a crash artifact) as it does for a trap.
///
/// For properties a crash cannot show: two decoders that disagree, a device changed by bytes that
/// were never authenticated, a writer whose output its own reader refuses.
public func fuzzExpect(_ condition: Bool, _ message: @autoclosure () -> String) {
    guard !condition else { return }
    FileHandle.standardError.write(Data("fuzz: expectation failed: \(message())\n".utf8))
    abort()
}
