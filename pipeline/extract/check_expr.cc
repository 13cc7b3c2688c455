#include "pipeline/extract/check_expr.h"

#include <cctype>
#include <cmath>
#include <cstdlib>

namespace scanstraat {

struct CheckExpr::Node {
  enum class Op { kLiteral, kField, kToday, kPresent, kNot, kAnd, kOr, kCmp, kAdd, kSub };
  Op op = Op::kLiteral;
  std::string cmp;     // for kCmp: "=", "!=", "<", "<=", ">", ">="
  std::string name;    // for kField / kPresent
  CheckValue literal;
  std::unique_ptr<Node> a, b;
};

namespace {

using Node = CheckExpr::Node;
using Op = Node::Op;

struct Token {
  enum class Kind { kEnd, kIdent, kNumber, kString, kOp, kLParen, kRParen } kind = Kind::kEnd;
  std::string text;
  size_t column = 0;
};

class Parser {
 public:
  explicit Parser(std::string_view s) : s_(s) { Next(); }

  std::unique_ptr<Node> ParseAll(std::string& error, std::vector<std::string>& fields) {
    fields_ = &fields;
    auto n = Or();
    if (error_.empty() && tok_.kind != Token::Kind::kEnd) Fail("unexpected '" + tok_.text + "'");
    error = error_;
    return error_.empty() ? std::move(n) : nullptr;
  }

 private:
  void Fail(const std::string& m) {
    if (error_.empty()) error_ = "column " + std::to_string(tok_.column + 1) + ": " + m;
  }

  void Next() {
    while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_]))) ++pos_;
    tok_ = Token{};
    tok_.column = pos_;
    if (pos_ >= s_.size()) return;
    const char c = s_[pos_];
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      size_t e = pos_;
      while (e < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[e])) || s_[e] == '_')) ++e;
      tok_ = {Token::Kind::kIdent, std::string(s_.substr(pos_, e - pos_)), pos_};
      pos_ = e;
    } else if (std::isdigit(static_cast<unsigned char>(c))) {
      size_t e = pos_;
      while (e < s_.size() && (std::isdigit(static_cast<unsigned char>(s_[e])) || s_[e] == '.')) ++e;
      tok_ = {Token::Kind::kNumber, std::string(s_.substr(pos_, e - pos_)), pos_};
      pos_ = e;
    } else if (c == '\'' || c == '"') {
      const size_t e = s_.find(c, pos_ + 1);
      if (e == std::string_view::npos) {
        tok_ = {Token::Kind::kOp, std::string(1, c), pos_};
        Fail("unterminated string");
        pos_ = s_.size();
        return;
      }
      tok_ = {Token::Kind::kString, std::string(s_.substr(pos_ + 1, e - pos_ - 1)), pos_};
      pos_ = e + 1;
    } else if (c == '(' || c == ')') {
      tok_ = {c == '(' ? Token::Kind::kLParen : Token::Kind::kRParen, std::string(1, c), pos_};
      ++pos_;
    } else {
      for (std::string_view op : {"==", "!=", "<=", ">=", "=", "<", ">", "+", "-"}) {
        if (s_.substr(pos_, op.size()) == op) {
          tok_ = {Token::Kind::kOp, std::string(op == "==" ? "=" : op), pos_};
          pos_ += op.size();
          return;
        }
      }
      tok_ = {Token::Kind::kOp, std::string(1, c), pos_};
      Fail(std::string("unknown character '") + c + "'");
      pos_ = s_.size();
    }
  }

  bool IsWord(std::string_view w) const { return tok_.kind == Token::Kind::kIdent && tok_.text == w; }

  static std::unique_ptr<Node> Make(Op op, std::unique_ptr<Node> a, std::unique_ptr<Node> b) {
    auto n = std::make_unique<Node>();
    n->op = op;
    n->a = std::move(a);
    n->b = std::move(b);
    return n;
  }

  std::unique_ptr<Node> Or() {
    auto left = And();
    while (error_.empty() && IsWord("or")) {
      Next();
      left = Make(Op::kOr, std::move(left), And());
    }
    return left;
  }

  std::unique_ptr<Node> And() {
    auto left = Not();
    while (error_.empty() && IsWord("and")) {
      Next();
      left = Make(Op::kAnd, std::move(left), Not());
    }
    return left;
  }

  std::unique_ptr<Node> Not() {
    if (IsWord("not")) {
      Next();
      return Make(Op::kNot, Not(), nullptr);
    }
    return Cmp();
  }

  std::unique_ptr<Node> Cmp() {
    auto left = Sum();
    if (tok_.kind == Token::Kind::kOp && tok_.text != "+" && tok_.text != "-") {
      std::string op = tok_.text;
      Next();
      auto n = Make(Op::kCmp, std::move(left), Sum());
      n->cmp = op;
      return n;
    }
    return left;
  }

  std::unique_ptr<Node> Sum() {
    auto left = Primary();
    while (error_.empty() && tok_.kind == Token::Kind::kOp && (tok_.text == "+" || tok_.text == "-")) {
      const Op op = tok_.text == "+" ? Op::kAdd : Op::kSub;
      Next();
      left = Make(op, std::move(left), Primary());
    }
    return left;
  }

  std::unique_ptr<Node> Primary() {
    auto n = std::make_unique<Node>();
    switch (tok_.kind) {
      case Token::Kind::kNumber:
        n->op = Op::kLiteral;
        n->literal = CheckValue::Number(std::strtod(tok_.text.c_str(), nullptr));
        Next();
        return n;
      case Token::Kind::kString:
        n->op = Op::kLiteral;
        n->literal = CheckValue::Text(tok_.text);
        Next();
        return n;
      case Token::Kind::kLParen: {
        Next();
        auto inner = Or();
        if (tok_.kind != Token::Kind::kRParen) Fail("expected ')'");
        Next();
        return inner;
      }
      case Token::Kind::kIdent: {
        if (tok_.text == "and" || tok_.text == "or" || tok_.text == "not") break;
        if (tok_.text == "today") {
          n->op = Op::kToday;
          Next();
          return n;
        }
        if (tok_.text == "present") {
          Next();
          if (tok_.kind != Token::Kind::kLParen) Fail("expected '(' after present");
          Next();
          if (tok_.kind != Token::Kind::kIdent) Fail("expected a field name in present(…)");
          n->op = Op::kPresent;
          n->name = tok_.text;
          fields_->push_back(tok_.text);
          Next();
          if (tok_.kind != Token::Kind::kRParen) Fail("expected ')'");
          Next();
          return n;
        }
        n->op = Op::kField;
        n->name = tok_.text;
        fields_->push_back(tok_.text);
        Next();
        return n;
      }
      default:
        break;
    }
    Fail(tok_.kind == Token::Kind::kEnd ? "expression ends too early" : "unexpected '" + tok_.text + "'");
    return n;
  }

  std::string_view s_;
  size_t pos_ = 0;
  Token tok_;
  std::string error_;
  std::vector<std::string>* fields_ = nullptr;
};

using Lookup = std::function<CheckField(std::string_view)>;

CheckValue Eval(const Node& n, const Lookup& lookup, const std::string& today) {
  using K = CheckValue::Kind;
  switch (n.op) {
    case Op::kLiteral: return n.literal;
    case Op::kToday: return CheckValue::Date(today);
    case Op::kField: return lookup(n.name).value;
    case Op::kPresent: return CheckValue::Bool(lookup(n.name).present);
    case Op::kNot: {
      const CheckValue v = Eval(*n.a, lookup, today);
      return v.kind == K::kBool ? CheckValue::Bool(!v.boolean) : CheckValue::Unknown();
    }
    case Op::kAnd:
    case Op::kOr: {
      const CheckValue a = Eval(*n.a, lookup, today);
      const CheckValue b = Eval(*n.b, lookup, today);
      const bool is_and = n.op == Op::kAnd;
      // Kleene logic: false and unknown = false; true or unknown = true.
      for (const CheckValue* v : {&a, &b}) {
        if (v->kind == K::kBool && v->boolean != is_and) return CheckValue::Bool(!is_and);
      }
      if (a.kind == K::kBool && b.kind == K::kBool) return CheckValue::Bool(is_and);
      return CheckValue::Unknown();
    }
    case Op::kAdd:
    case Op::kSub: {
      const CheckValue a = Eval(*n.a, lookup, today);
      const CheckValue b = Eval(*n.b, lookup, today);
      if (a.kind != K::kNumber || b.kind != K::kNumber) return CheckValue::Unknown();
      return CheckValue::Number(n.op == Op::kAdd ? a.number + b.number : a.number - b.number);
    }
    case Op::kCmp: {
      const CheckValue a = Eval(*n.a, lookup, today);
      const CheckValue b = Eval(*n.b, lookup, today);
      if (a.kind == K::kUnknown || b.kind == K::kUnknown || a.kind != b.kind) return CheckValue::Unknown();
      int c = 0;
      if (a.kind == K::kNumber) {
        // Money: equal when within half a cent.
        c = std::fabs(a.number - b.number) < 0.005 ? 0 : (a.number < b.number ? -1 : 1);
      } else if (a.kind == K::kBool) {
        c = a.boolean == b.boolean ? 0 : (a.boolean ? 1 : -1);
      } else {
        c = a.text.compare(b.text);
        c = c < 0 ? -1 : (c > 0 ? 1 : 0);
      }
      const std::string& op = n.cmp;
      const bool r = op == "=" ? c == 0 : op == "!=" ? c != 0 : op == "<" ? c < 0
                   : op == "<=" ? c <= 0 : op == ">" ? c > 0 : c >= 0;
      return CheckValue::Bool(r);
    }
  }
  return CheckValue::Unknown();
}

}  // namespace

CheckExpr::~CheckExpr() = default;

std::shared_ptr<const CheckExpr> CheckExpr::Parse(std::string_view text, std::string& error) {
  std::shared_ptr<CheckExpr> expr(new CheckExpr());
  Parser parser(text);
  expr->root_ = parser.ParseAll(error, expr->fields_);
  if (!error.empty() || expr->root_ == nullptr) return nullptr;
  return expr;
}

std::optional<bool> CheckExpr::Evaluate(const std::function<CheckField(std::string_view)>& lookup,
                                        const std::string& today) const {
  const CheckValue v = Eval(*root_, lookup, today);
  if (v.kind != CheckValue::Kind::kBool) return std::nullopt;
  return v.boolean;
}

}  // namespace scanstraat
