// A SQLite VFS that wraps the default one and fails on purpose, so that tests
// can prove what the store does when the disk does not cooperate (leveldb's
// ErrorEnv, SQLite's own test VFS): an I/O error on the Nth write, a full
// disk, a failing fsync (fault_spec.h says how to ask for one).
//
// It counts xWrite and xSync calls on main database files and their WALs
// (not on the shared-memory index, which SQLite maps into memory), across
// every connection of the process. A failing write writes the first half of
// its bytes first, as a real one may. Each injected fault is logged as
// "fault injection: ..." so that a test can tell that its fault happened.
//
// Off unless armed: Db::Open asks FaultVfsForOpen(), which arms it from
// $SCANSTRAAT_FAULT_STORE on first use; unit tests arm it directly.
// Thread-safety: the counters are atomic. Arm and disarm while no statement
// runs; connections opened through it keep using it after DisarmFaultVfs,
// which then only passes calls through.
#pragma once

#include "pipeline/core/status.h"
#include "pipeline/store/fault_spec.h"

namespace scanstraat {

// For Db::Open: the VFS name to open a connection with, or nullptr for
// SQLite's default when no fault is armed. The first call reads
// $SCANSTRAAT_FAULT_STORE (InvalidArgument when it does not parse, or asks
// for a kind the store has not: rename).
Result<const char*> FaultVfsForOpen();

// Makes Db::Open use the fault VFS from now on, passing every call through
// until it is armed. Connections opened before stay on SQLite's default VFS
// and never fail. ArmFaultVfs installs it too.
void InstallFaultVfs();
// Arms the VFS with `spec`; counting starts from zero. REQUIRES: spec.kind is
// write, full or fsync.
void ArmFaultVfs(const FaultSpec& spec);
// Back to passing every call through (also for connections opened while armed).
void DisarmFaultVfs();
// Faults injected since the last ArmFaultVfs.
int FaultVfsInjected();

}  // namespace scanstraat
