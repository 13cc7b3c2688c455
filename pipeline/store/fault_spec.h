// Test-only fault injection: what to break, as written in an environment
// variable. Two variables use it, both unset in normal use:
//
//   SCANSTRAAT_FAULT_STORE=KIND:N[+][@worker]    the store (fault_vfs.h)
//   SCANSTRAAT_FAULT_ARCHIVE=KIND:N              the archive files (run/archive_step.cc)
//
// KIND is `write` (an I/O error on a write), `full` (a write that finds the
// disk full), `fsync` (a failing fsync) or, for the archive, `rename`. N counts
// the calls of that kind in the process, from 1: the Nth fails, and with `+`
// every later one too (a disk that stays full). `@worker` limits a store fault
// to the worker process of `scanstraat run`, so N does not depend on how many
// writes the supervisor made first; without it every process counts its own.
//
// Thread-safety: ParseFaultSpec is pure. SetFaultWorkerProcess is called once
// at the start of a worker, before any store is opened.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "pipeline/core/status.h"

namespace scanstraat {

enum class FaultKind { kWrite, kFull, kFsync, kRename };

struct FaultSpec {
  FaultKind kind = FaultKind::kWrite;
  int nth = 1;               // the Nth call of its kind fails (counting from 1)
  bool sticky = false;       // "+": and every call after it
  bool worker_only = false;  // "@worker": only in the worker process of a run
};

// "write", "full", "fsync", "rename".
std::string_view FaultKindName(FaultKind kind);

// Parses "KIND:N[+][@worker]". InvalidArgument names the text and the syntax.
Result<FaultSpec> ParseFaultSpec(std::string_view text);

// The spec in environment variable `name`: nullopt when it is unset or empty,
// InvalidArgument when it does not parse.
Result<std::optional<FaultSpec>> FaultSpecFromEnv(const char* name);

// Marks this process as the worker of a run (for "@worker").
void SetFaultWorkerProcess();
// True when `spec` applies to this process.
bool FaultAppliesHere(const FaultSpec& spec);

}  // namespace scanstraat
