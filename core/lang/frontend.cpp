// parse_program: the front end's stages in order (lex, parse, sema).
#include "lang/lexer.h"
#include "lang/parser.h"
#include "lang/sema.h"
#include "tartan/lang/parse.h"

namespace tartan {

Program parse_program(std::string_view source, const ParseOptions& options) {
  const std::vector<Token> tokens = lex(source, options.filename);
  const ast::Function function = parse_tokens(tokens, options.filename);
  return analyze(function, options);
}

}  // namespace tartan
