import ts from '../../../util/typescript.cjs';
import type { Value } from './values.js';

/**
 * What the names of one file stand for, data-wise, with lexical scoping: a variable is seen
 * from inside the block that declares it, a parameter from inside its function, a class member
 * (`this.repo`) from inside its class. Filled in source order as the walk goes, which is the
 * order in which code can use a name.
 */
export interface Scope {
  bind(name: string, scope: ts.Node, value: Value): void;
  /** The value of `name` where `at` is; null when it is declared but is nothing data-related. */
  lookup(name: string, at: ts.Node): Value | null | undefined;
  setMember(owner: ts.Node, name: string, value: Value): void;
  getMember(owner: ts.Node, name: string): Value | undefined;
}

export function createScope(valueOfParameter: (parameter: ts.ParameterDeclaration) => Value | null): Scope {
  const bindings = new Map<string, { scope: ts.Node; value: Value }[]>();
  const members = new Map<ts.Node, Map<string, Value>>();
  return {
    bind(name, scope, value) {
      const list = bindings.get(name) ?? [];
      list.push({ scope, value });
      bindings.set(name, list);
    },
    lookup(name, at) {
      const candidates = bindings.get(name);
      for (let current: ts.Node | undefined = at; current; current = current.parent) {
        if (candidates) {
          for (let index = candidates.length - 1; index >= 0; index--) {
            if (candidates[index]!.scope === current) return candidates[index]!.value;
          }
        }
        if (ts.isFunctionLike(current)) {
          const parameter = current.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === name);
          if (parameter) return valueOfParameter(parameter);
        }
      }
      return undefined;
    },
    setMember(owner, name, value) {
      const map = members.get(owner) ?? new Map<string, Value>();
      map.set(name, value);
      members.set(owner, map);
    },
    getMember(owner, name) {
      return members.get(owner)?.get(name);
    },
  };
}

/** The member that stands for the repository a class's constructor passed to `super()`. */
export const INHERITED_REPOSITORY = '#inherited-repository';

/** The block (or file, or loop header) a variable declaration is visible in. */
export function getDeclarationScope(declaration: ts.VariableDeclaration): ts.Node {
  let current: ts.Node = declaration.parent;
  while (
    current.parent &&
    !ts.isBlock(current) &&
    !ts.isSourceFile(current) &&
    !ts.isModuleBlock(current) &&
    !ts.isCaseClause(current) &&
    !ts.isDefaultClause(current) &&
    !ts.isForStatement(current) &&
    !ts.isForOfStatement(current) &&
    !ts.isForInStatement(current)
  ) {
    current = current.parent;
  }
  return current;
}

/**
 * What `this` is where `node` is: the class, or the object literal whose method this is (the
 * `repository.extend({ ... })` pattern). Arrow functions keep the outer `this`; functions do not.
 */
export function findThisOwner(node: ts.Node): ts.ClassLikeDeclaration | ts.ObjectLiteralExpression | null {
  for (let current = node.parent; current; current = current.parent) {
    switch (current.kind) {
      case CLASS_DECLARATION:
      case CLASS_EXPRESSION:
        return current as ts.ClassLikeDeclaration;
      case METHOD_DECLARATION:
      case GET_ACCESSOR:
      case SET_ACCESSOR:
        if (current.parent.kind === OBJECT_LITERAL) return current.parent as ts.ObjectLiteralExpression;
        break;
      case FUNCTION_DECLARATION:
      case FUNCTION_EXPRESSION:
        return null;
      default:
        break;
    }
  }
  return null;
}

// Read once: `ts` is a namespace of thousands of members, and these run on every `this.x.y()`.
const CLASS_DECLARATION = ts.SyntaxKind.ClassDeclaration;
const CLASS_EXPRESSION = ts.SyntaxKind.ClassExpression;
const METHOD_DECLARATION = ts.SyntaxKind.MethodDeclaration;
const GET_ACCESSOR = ts.SyntaxKind.GetAccessor;
const SET_ACCESSOR = ts.SyntaxKind.SetAccessor;
const OBJECT_LITERAL = ts.SyntaxKind.ObjectLiteralExpression;
const FUNCTION_DECLARATION = ts.SyntaxKind.FunctionDeclaration;
const FUNCTION_EXPRESSION = ts.SyntaxKind.FunctionExpression;
