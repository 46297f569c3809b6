import Foundation
import Testing

@testable import FileIO

@Suite("Which file a path names")
struct FileStatusTests {
    @Test func linksAndSpellingsOfOneFileHaveOneIdentity() throws {
        let scratch = try Scratch()
        let file = try scratch.file("file", "x")
        try FileManager.default.createSymbolicLink(atPath: scratch.path("symbolic"), withDestinationPath: file)
        try FileManager.default.linkItem(atPath: file, toPath: scratch.path("hard"))
        let identity = try #require(FileStatus(path: file)).identity
        for spelling in [
            scratch.path("symbolic"), scratch.path("hard"), scratch.folder + "/./file", scratch.folder + "//file",
        ] {
            #expect(FileStatus(path: spelling)?.identity == identity, "\(spelling)")
        }
        #expect(FileStatus(path: try scratch.file("other", "x"))?.identity != identity)
    }

    @Test func theFoldersHoldingAPathRunFromItsFolderUpToTheRoot() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(atPath: scratch.path("a/b"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: scratch.path("link"), withDestinationPath: scratch.path("a"))
        let holders = FileIdentity.folders(holding: scratch.path("link/b/new-file"))
        #expect(holders.first == FileStatus(path: scratch.path("a/b"))?.identity)
        #expect(holders.contains(try #require(FileStatus(path: scratch.path("a"))).identity))
        #expect(holders.contains(try #require(FileStatus(path: scratch.folder)).identity))
        #expect(holders.last == FileStatus(path: "/")?.identity)
        #expect(FileIdentity.folders(holding: scratch.path("missing/file")).isEmpty)
    }

    @Test(arguments: [
        ("a/b/c", "a/b", "c"), ("c", ".", "c"), ("/c", "/", "c"), ("a/b/", "a", "b"), ("/", "/", "/"),
        ("./x", ".", "x"),
    ])
    func pathsSplitIntoFolderAndName(_ path: String, _ parent: String, _ name: String) {
        #expect(FilePath.parent(of: path) == parent)
        #expect(FilePath.name(of: path) == name)
    }

    @Test func aFolderIsListedAndAFileIsNotAFolder() throws {
        let scratch = try Scratch()
        try scratch.file("one.yaml", "a")
        try scratch.file("two.yaml", "b")
        #expect(try FolderEntries.names(in: scratch.folder).sorted() == ["one.yaml", "two.yaml"])
        #expect(throws: FileError(path: scratch.path("one.yaml"), cause: .notAFolder)) {
            try FolderEntries.names(in: scratch.path("one.yaml"))
        }
        #expect(throws: FileError(path: scratch.path("none"), cause: .noSuchFile)) {
            try FolderEntries.names(in: scratch.path("none"))
        }
    }
}
