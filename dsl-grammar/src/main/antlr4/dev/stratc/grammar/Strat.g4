// The grammar of .strat files. Only syntax lives here: names, kinds and block rules are the compiler's checks,
// so that a misspelt name gets a "did you mean" rather than a syntax error.
grammar Strat;

file
    : strategy EOF
    ;

// A lone expression: the defaults the function catalogue writes as source text ("close", "14").
standaloneExpression
    : expression EOF
    ;

strategy
    : STRATEGY '(' name=STRING (',' options+=headerOption)* ','? ')' '{' members+=strategyMember* '}'
    ;

headerOption
    : key=identifier ':' value=expression
    ;

strategyMember
    : PARAMETERS '{' parameters+=parameter* '}'                  #parametersBlock
    | kind=(SCAN | ENTRY | EXIT) '{' statements+=statement* '}'  #ruleBlock
    | letDeclaration                                             #letMember
    | VAR name=identifier '=' value=expression                   #varMember
    | FN name=identifier '(' (params+=identifier (',' params+=identifier)* ','?)? ')'
        ( '=' result=expression
        | '{' lets+=letDeclaration* RETURN result=expression '}'
        )                                                        #functionMember
    ;

parameter
    : name=identifier '=' value=expression (IN space=searchSpace)?
    ;

searchSpace
    : from=expression '..' to=expression (STEP step=expression)?          #rangeSpace
    | '[' values+=expression (',' values+=expression)* ','? ']'           #listSpace
    ;

letDeclaration
    : LET name=identifier '=' value=expression
    ;

statement
    : WHEN '(' condition=expression ')' body=block               #whenStatement
    | ON SIGNAL '(' name=STRING ')' body=block                  #onSignalStatement
    | ifStatement                                                #ifElseStatement
    | letDeclaration                                             #letStatement
    | name=identifier ':=' value=expression                      #assignStatement
    | call                                                       #actionStatement
    ;

// else if chains nest: the else branch of an if is another if, or a block.
ifStatement
    : IF '(' condition=expression ')' body=block (ELSE (elseIf=ifStatement | otherwise=block))?
    ;

block
    : '{' statements+=statement* '}'
    ;

call
    : callee=identifier '(' (arguments+=argument (',' arguments+=argument)* ','?)? ')'
    ;

argument
    : (name=identifier ':')? value=expression
    ;

// Loosest last: x @ 1d, c ? a : b, OR, AND, NOT, comparisons and between, + -, * /, unary minus, then [n] and .member.
expression
    : subject=expression '[' offset=expression ']'                                  #historyExpression
    | target=expression '.' member=identifier                                       #memberExpression
    | op='-' operand=expression                                                     #negateExpression
    | left=expression op=('*' | '/') right=expression                               #multiplicativeExpression
    | left=expression op=('+' | '-') right=expression                               #additiveExpression
    | value=expression BETWEEN '[' low=expression ',' high=expression ']'           #betweenExpression
    | left=expression op=('<' | '<=' | '>' | '>=' | '==' | '!=') right=expression   #comparisonExpression
    | NOT operand=expression                                                        #notExpression
    | left=expression AND right=expression                                          #andExpression
    | left=expression OR right=expression                                           #orExpression
    | <assoc=right> condition=expression '?' whenTrue=expression ':' whenFalse=expression #conditionalExpression
    | subject=expression '@' timeframe=timeframeLiteral                             #timeframeExpression
    | call                                                                          #callExpression
    | name=identifier                                                               #nameExpression
    | value=NUMBER                                                                  #numberLiteral
    | value=PERCENT                                                                 #percentLiteral
    | value=DURATION                                                                #durationLiteral
    | value=MALFORMED_NUMBER                                                        #malformedNumber
    | value=STRING                                                                  #stringLiteral
    | value=(TRUE | FALSE)                                                          #booleanLiteral
    | '(' inner=expression ')'                                                      #parenthesized
    | '{' (entries+=mapEntry (',' entries+=mapEntry)* ','?)? '}'                    #mapLiteral
    ;

// Only a literal: x @ 15m AND y is (x @ 15m) AND y. The compiler says which literals are not durations.
timeframeLiteral
    : value=(DURATION | NUMBER | PERCENT | MALFORMED_NUMBER | STRING | IDENTIFIER)
    ;

mapEntry
    : (key=identifier | quotedKey=STRING) ':' value=expression
    ;

// 'signal' is a keyword only after 'on'; everywhere else it is an ordinary name (signal(...), signal.key).
// 'strategy' opens the file; elsewhere it names the strategy's own record (strategy.equity).
identifier
    : IDENTIFIER
    | SIGNAL
    | STRATEGY
    ;

STRATEGY   : 'strategy';
PARAMETERS : 'parameters';
SCAN       : 'scan';
ENTRY      : 'entry';
EXIT       : 'exit';
LET        : 'let';
WHEN       : 'when';
ON         : 'on';
SIGNAL     : 'signal';
IN         : 'in';
STEP       : 'step';
BETWEEN    : 'between';
IF         : 'if';
ELSE       : 'else';
VAR        : 'var';
FN         : 'fn';
RETURN     : 'return';
TRUE       : 'true';
FALSE      : 'false';
AND        : 'and' | 'AND' | '&&';
OR         : 'or' | 'OR' | '||';
NOT        : 'not' | 'NOT' | '!';

LPAREN   : '(';
RPAREN   : ')';
LBRACE   : '{';
RBRACE   : '}';
LBRACKET : '[';
RBRACKET : ']';
COMMA    : ',';
REASSIGN : ':=';
COLON    : ':';
QUESTION : '?';
AT       : '@';
DOT      : '.';
RANGE    : '..';
ASSIGN   : '=';
PLUS     : '+';
MINUS    : '-';
STAR     : '*';
SLASH    : '/';
LT       : '<';
LE       : '<=';
GT       : '>';
GE       : '>=';
EQ       : '==';
NE       : '!=';

PERCENT  : DIGITS FRACTION? '%';
DURATION : DIGITS [smhd];
NUMBER   : DIGITS FRACTION?;
// 30min, 5mins, 2x: a number glued to letters. Matched whole so the compiler can say which unit it meant.
MALFORMED_NUMBER : DIGITS FRACTION? [a-zA-Z_] [a-zA-Z0-9_]*;

STRING   : '"' (~["\\\r\n] | '\\' ~[\r\n])* '"';
UNTERMINATED_STRING : '"' (~["\\\r\n] | '\\' ~[\r\n])*;

IDENTIFIER : [a-zA-Z_] [a-zA-Z0-9_]*;

LINE_COMMENT  : '//' ~[\r\n]* -> channel(HIDDEN);
BLOCK_COMMENT : '/*' .*? ('*/' | EOF) -> channel(HIDDEN);
WHITESPACE    : [ \t\r\n\f\u00a0\ufeff]+ -> channel(HIDDEN);

// Anything else is set aside, like a comment, and reported by the compiler with the character it is; the parser
// carries on as if it were not there, so one stray ';' or '&' gives one message.
UNKNOWN_CHARACTER : . -> channel(HIDDEN);

fragment DIGITS   : [0-9] ('_'? [0-9])*;
fragment FRACTION : '.' [0-9] ('_'? [0-9])*;
