// Safe writing: complete file or no file, also when the disk fails.
#include "pipeline/archive/atomic_write.h"

#include <gtest/gtest.h>

#include <thread>

#include "archive_test_util.h"
#include "pipeline/archive/faulty_file_system.h"

namespace scanstraat {
namespace {

using testing::ReadAll;
using testing::ScratchDir;
using Fault = FaultyFileSystem::Fault;

TEST(AtomicWrite, WritesCompleteFileAndLeavesNoTemporary) {
  ScratchDir dir;
  const std::string bytes(3 << 20, 'x');
  ASSERT_TRUE(WriteFileAtomic(dir / "a.pdf", bytes).ok());
  EXPECT_EQ(ReadAll(dir / "a.pdf"), bytes);
  EXPECT_EQ(dir.Entries(), std::vector<std::string>{"a.pdf"});
}

TEST(AtomicWrite, ReplacesExistingFile) {
  ScratchDir dir;
  ASSERT_TRUE(WriteFileAtomic(dir / "a.xml", "old").ok());
  ASSERT_TRUE(WriteFileAtomic(dir / "a.xml", "new content").ok());
  EXPECT_EQ(ReadAll(dir / "a.xml"), "new content");
  EXPECT_EQ(dir.Entries().size(), 1u);
}

TEST(AtomicWrite, MissingFolderIsIOErrorWithoutPath) {
  ScratchDir dir;
  Status s = WriteFileAtomic(dir / "no-such-folder" / "a.pdf", "x");
  EXPECT_EQ(s.code(), Code::kIOError);
  EXPECT_EQ(s.message().find(dir.path().string()), std::string::npos) << s.message();
}

TEST(AtomicWrite, ConcurrentWritersOfDifferentFiles) {
  ScratchDir dir;
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 20; ++i) {
        const std::string name = "f" + std::to_string(t) + "-" + std::to_string(i);
        if (!WriteFileAtomic(dir / name, name).ok()) ++failures;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(dir.Entries().size(), 160u);
  EXPECT_EQ(ReadAll(dir / "f3-7"), "f3-7");
}

TEST(AtomicWrite, TempNamesAreRecognised) {
  EXPECT_TRUE(IsAtomicTempName(".document.pdf.tmp-0123456789ab0001"));
  EXPECT_FALSE(IsAtomicTempName("document.pdf"));
  EXPECT_FALSE(IsAtomicTempName(".hidden"));
}

// Every injected failure leaves neither the final file nor a half file.
class AtomicWriteFault : public ::testing::TestWithParam<Fault> {};

TEST_P(AtomicWriteFault, LeavesNoFinalAndNoHalfFile) {
  ScratchDir dir;
  FaultyFileSystem fs(PosixFileSystem());
  fs.Inject(GetParam(), 1);
  const std::string bytes(1 << 20, 'p');
  Status s = WriteFileAtomic(fs, dir / "document.pdf", bytes);
  EXPECT_EQ(s.code(), Code::kIOError) << s.ToString();
  EXPECT_NE(s.message().find("document.pdf"), std::string::npos) << s.message();
  EXPECT_TRUE(dir.Entries().empty()) << dir.Entries().size() << " entries left, first "
                                     << (dir.Entries().empty() ? "" : dir.Entries()[0]);
}

INSTANTIATE_TEST_SUITE_P(AllFaults, AtomicWriteFault,
                         ::testing::Values(Fault::kCreateError, Fault::kWriteError,
                                           Fault::kDiskFull, Fault::kSyncError,
                                           Fault::kRenameError, Fault::kSyncDirError));

TEST(AtomicWrite, FaultOnSecondFileSparesTheFirst) {
  ScratchDir dir;
  FaultyFileSystem fs(PosixFileSystem());
  fs.Inject(Fault::kDiskFull, 2);  // the second Append fails
  ASSERT_TRUE(WriteFileAtomic(fs, dir / "one.xml", "first").ok());
  EXPECT_FALSE(WriteFileAtomic(fs, dir / "two.xml", "second").ok());
  EXPECT_EQ(dir.Entries(), std::vector<std::string>{"one.xml"});
  EXPECT_EQ(ReadAll(dir / "one.xml"), "first");
  EXPECT_EQ(fs.appends(), 2);
}

TEST(AtomicWriteBatch, WritesEveryFileWithOneFolderSync) {
  ScratchDir dir;
  const std::string pdf(2 << 20, 'p');
  const std::vector<FileToWrite> files = {
      {dir / "doc.pdf", pdf}, {dir / "doc.pdf.mdto.xml", "<a/>"}, {dir / "result.json", "{}\n"}};
  ASSERT_TRUE(WriteFilesAtomic(PosixFileSystem(), files).ok());
  EXPECT_EQ(ReadAll(dir / "doc.pdf"), pdf);
  EXPECT_EQ(ReadAll(dir / "result.json"), "{}\n");
  EXPECT_EQ(dir.Entries().size(), 3u);

  // The folder is synced once for the three renames: a folder-sync fault
  // armed on the second call never fires.
  FaultyFileSystem fs(PosixFileSystem());
  fs.Inject(Fault::kSyncDirError, 2);
  ASSERT_TRUE(WriteFilesAtomic(fs, files).ok());
  EXPECT_EQ(fs.renames(), 3);
}

TEST(AtomicWriteBatch, FilesInDifferentFoldersAreRefused) {
  ScratchDir dir;
  std::filesystem::create_directories(dir / "sub");
  Status s = WriteFilesAtomic(PosixFileSystem(), {{dir / "a.xml", "a"}, {dir / "sub" / "b.xml", "b"}});
  EXPECT_EQ(s.code(), Code::kInvalidArgument);
  EXPECT_TRUE(dir.Entries() == std::vector<std::string>{"sub"}) << dir.Entries().size();
}

// A fault at any step of any file of the batch leaves none of the files,
// renamed or not, and no temporary file: the caller records nothing.
struct BatchFault {
  Fault fault;
  int nth;
};

class AtomicWriteBatchFault : public ::testing::TestWithParam<BatchFault> {};

TEST_P(AtomicWriteBatchFault, LeavesNothingBehind) {
  ScratchDir dir;
  FaultyFileSystem fs(PosixFileSystem());
  fs.Inject(GetParam().fault, GetParam().nth);
  const std::string pdf(1 << 20, 'p');
  Status s = WriteFilesAtomic(fs, {{dir / "doc.pdf", pdf}, {dir / "doc.xml", "<x/>"}, {dir / "result.json", "{}"}});
  EXPECT_EQ(s.code(), Code::kIOError) << s.ToString();
  EXPECT_TRUE(dir.Entries().empty()) << dir.Entries().size() << " entries left, first "
                                     << (dir.Entries().empty() ? "" : dir.Entries()[0]);
}

INSTANTIATE_TEST_SUITE_P(EachStepOfEachFile, AtomicWriteBatchFault,
                         ::testing::Values(BatchFault{Fault::kCreateError, 1}, BatchFault{Fault::kCreateError, 3},
                                           BatchFault{Fault::kWriteError, 2}, BatchFault{Fault::kDiskFull, 1},
                                           BatchFault{Fault::kSyncError, 1}, BatchFault{Fault::kSyncError, 3},
                                           BatchFault{Fault::kRenameError, 1}, BatchFault{Fault::kRenameError, 3},
                                           BatchFault{Fault::kSyncDirError, 1}));

}  // namespace
}  // namespace scanstraat

namespace scanstraat {
namespace {

TEST(AtomicWrite, LeftoversOfAnInterruptedWriteAreRemoved) {
  testing::ScratchDir dir;
  testing::WriteAll(dir / ".document.pdf.tmp-0123456789ab0001", "half");
  testing::WriteAll(dir / "document.pdf.mdto.xml", "kept");
  auto removed = RemoveAtomicLeftovers(PosixFileSystem(), dir.path());
  ASSERT_TRUE(removed.ok()) << removed.status().ToString();
  EXPECT_EQ(*removed, 1);
  EXPECT_EQ(dir.Entries(), std::vector<std::string>{"document.pdf.mdto.xml"});
}

}  // namespace
}  // namespace scanstraat
