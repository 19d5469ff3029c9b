import Foundation
import PortfolioCore

/// Runs the system `git` in one folder (`Foundation.Process`), without a terminal prompt,
/// with messages in English so that a rejected push can be told apart.
struct GitRunner: Sendable {
    /// What one git command printed and how it ended.
    struct Output: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The folder git runs in (`git -C`).
    let folder: URL
    /// Extra environment: the commit identity.
    var environment: [String: String] = [:]

    /// Runs `git ARGS`; an error only when git cannot be started.
    func run(_ arguments: [String]) throws(PortfolioErrors) -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder.path] + arguments
        var env = ProcessInfo.processInfo.environment
        // No prompt for a password: a deploy must fail with git's message, not hang.
        env["GIT_TERMINAL_PROMPT"] = "0"
        env["LC_ALL"] = "C"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw PortfolioErrors([PortfolioError(.deploy, "cannot run git (\(error.localizedDescription)); install git and try again")])
        }
        // Both pipes are drained before waiting, so a large output cannot block git.
        let errData = Self.drain(err)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData.wait(), as: UTF8.self))
    }

    /// `git ARGS`, which must succeed; its failure is an error that carries git's stderr.
    @discardableResult
    func check(_ arguments: [String], _ what: String) throws(PortfolioErrors) -> String {
        let output = try run(arguments)
        guard output.status == 0 else { throw Self.failure(what, arguments, output) }
        return output.stdout
    }

    static func failure(_ what: String, _ arguments: [String], _ output: Output) -> PortfolioErrors {
        let stderr = output.stderr.trimmed
        return PortfolioErrors([PortfolioError(.deploy, "\(what): `git \(arguments.joined(separator: " "))` failed (exit \(output.status))"
            + (stderr.isEmpty ? "" : ":\n" + stderr))])
    }

    /// Reads a pipe to its end on another thread.
    static func drain(_ pipe: Pipe) -> PipeReader {
        let reader = PipeReader()
        let handle = pipe.fileHandleForReading
        Thread.detachNewThread { reader.finish(handle.readDataToEndOfFile()) }
        return reader
    }
}

/// The bytes one thread reads from a pipe, handed to the thread that waits for them.
final class PipeReader: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    func finish(_ data: Data) {
        self.data = data
        done.signal()
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
