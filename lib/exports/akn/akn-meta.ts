// The <meta> of an Akoma Ntoso export: <identification> with the FRBR Work, Expression and
// Manifestation (see akn-identity.ts), and <references> with the delegations, people and status
// concepts the text points at.
import { type AknIdentity, type AknIris, isoDay } from "./akn-identity";
import { CLAUSEWORK, type References } from "./akn-references";
import { element } from "./xml";

type MetaInput = {
  title: string;
  identity: AknIdentity;
  iris: AknIris;
  exportedAt: Date;
  references: References;
  /** For a portion: the exported article (eId and how it is cited) and the reference naming the whole. */
  portion: { eId: string; showAs: string; includedIn: string } | null;
};

const value = (name: string, v: string) => element(name, [["value", v]]);
const author = element("FRBRauthor", [["href", `#${CLAUSEWORK}`]]);

export function aknMeta({ title, identity, iris, exportedAt, references, portion }: MetaInput): string {
  const version = identity.version;
  const work = [
    value("FRBRthis", `${iris.work}/${iris.component}`),
    value("FRBRuri", iris.work),
    element("FRBRdate", [
      ["date", iris.workDate],
      ["name", "creation"],
    ]),
    author,
    value("FRBRcountry", "un"),
    value("FRBRname", title),
  ];
  const expression = [
    value("FRBRthis", `${iris.expression}/${iris.component}`),
    value("FRBRuri", iris.expression),
    ...(version
      ? [
          element("FRBRalias", [
            ["name", "clauseworkVersion"],
            ["value", version.id],
          ]),
        ]
      : []),
    element("FRBRdate", [
      ["date", iris.expressionDate],
      ["name", version ? "version" : "draft"],
    ]),
    author,
    ...(version ? [value("FRBRversionNumber", version.name)] : []),
    element("FRBRlanguage", [["language", "eng"]]),
  ];
  const manifestation = [
    value("FRBRthis", `${iris.expression}/${iris.component}.xml`),
    value("FRBRuri", `${iris.expression}.akn`),
    element("FRBRdate", [
      ["date", isoDay(exportedAt)],
      ["name", "export"],
    ]),
    author,
    ...(portion
      ? [
          element("FRBRportion", [
            ["showAs", portion.showAs],
            ["from", `#${portion.eId}`],
          ]),
        ]
      : []),
    value("FRBRformat", "application/akn+xml"),
  ];
  const identification = element(
    "identification",
    [["source", `#${CLAUSEWORK}`]],
    element("FRBRWork", [], work.join("")) +
      element("FRBRExpression", [], expression.join("")) +
      element("FRBRManifestation", [], manifestation.join("")),
  );
  const whole = portion
    ? element("TLCReference", [
        ["eId", portion.includedIn],
        ["name", "bill"],
        ["href", `${iris.expression}/!main`],
        ["showAs", title],
      ])
    : "";
  return element(
    "meta",
    [],
    identification + element("references", [["source", `#${CLAUSEWORK}`]], references.toXml() + whole),
  );
}
