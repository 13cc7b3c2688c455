// What the review-related commands share: the rules they show fields by,
// and the actor a command-line user acts as.
#pragma once

#include <memory>
#include <string>

#include "pipeline/cli/args.h"
#include "pipeline/extract/rule_set.h"
#include "pipeline/review/review_service.h"

namespace scanstraat {

// Loads --rules DIR (default ./rules). A missing default folder gives an
// empty rule set with a warning; a bad one is an error.
Result<std::shared_ptr<const RuleSet>> LoadReviewRules(const ParsedArgs& args);

// The Scanstraat user a command acts as: --user NAME, else $SCANSTRAAT_USER.
// Must exist and be enabled. Who can run the command can already read the
// workspace, so no password is asked; the origin is cli:<login name>.
Result<Actor> CliActor(ReviewService& service, const ParsedArgs& args);

// Reads one line (the password) from standard input, without its newline.
Result<std::string> ReadPasswordLine();

}  // namespace scanstraat
