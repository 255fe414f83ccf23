// Fact tables that guides (and other pages) show straight from the fact data, with sources and
// confidence, so no page repeats a number that could go stale.
import { linkSources, resolveSources, uniqueSources } from "../../domain/sources.js";
import { mm, mmToIn, roundTo } from "../../domain/units/measures.js";
import type { Facts, ImportRules } from "../../facts/schemas.js";
import { num } from "./format.js";
import { Sources } from "./sources.js";

const feetInches = (v: number) => {
  const inches = roundTo(mmToIn(mm(v)), 0);
  return `${Math.floor(inches / 12)} ft ${inches % 12} in`;
};

/** Japan's kei size and engine limits by era (import-rules.json keiRegulations). */
export function KeiSizeLimitsTable(props: { importRules: ImportRules }) {
  const r = props.importRules;
  const eras = r.keiRegulations;
  const cap = r.keiPowerCap as { maxPowerPs?: number; maxPowerKw?: number; description?: string } | undefined;
  const sources = uniqueSources(eras.map((e) => resolveSources(e.source, r.sources)));
  return (
    <figure class="fact-table">
      <table>
        <caption>Kei limits in Japan, by era</caption>
        <thead>
          <tr>
            <th scope="col">In force</th>
            <th scope="col">Length</th>
            <th scope="col">Width</th>
            <th scope="col">Height</th>
            <th scope="col">Engine</th>
            <th scope="col">Confidence</th>
          </tr>
        </thead>
        <tbody>
          {eras.map((e) => {
            const twoStroke = (e as { maxDisplacementCc2Stroke?: number }).maxDisplacementCc2Stroke;
            return (
              <tr>
                <th scope="row">
                  {e.from} to {e.to ?? "today"}
                </th>
                <td>
                  {num(e.maxLengthMm)} mm ({feetInches(e.maxLengthMm)})
                </td>
                <td>
                  {num(e.maxWidthMm)} mm ({feetInches(e.maxWidthMm)})
                </td>
                <td>
                  {num(e.maxHeightMm)} mm ({feetInches(e.maxHeightMm)})
                </td>
                <td>
                  {e.maxDisplacementCc} cc
                  {twoStroke && twoStroke !== e.maxDisplacementCc ? ` (two-stroke ${twoStroke} cc)` : ""}
                </td>
                <td>{e.confidence}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <figcaption class="muted">
        Maximum outside dimensions and engine displacement for a kei vehicle.
        {cap?.maxPowerPs
          ? ` Power: ${cap.maxPowerPs} PS (${cap.maxPowerKw} kW) by a voluntary industry agreement, not by law${cap.description?.includes("start date not verified") ? "; when it began is not verified" : ""}.`
          : ""}{" "}
        Reviewed {r.meta.reviewedOn}.
      </figcaption>
      <Sources sources={sources} />
    </figure>
  );
}

const DRIVE_LABEL = { belt: "Timing belt", chain: "Timing chain" } as const;

/** Every engine of the catalog with its cam drive (engine-timing.json), or "not known". */
export function EngineTimingTable(props: { facts: Facts }) {
  const { catalog, engineTiming } = props.facts;
  const engines = [...new Set(catalog.flatMap((e) => e.engineCodes))].map((engine) => {
    const trucks = catalog.filter((e) => e.engineCodes.includes(engine));
    const timing = engineTiming.find((t) => t.engine === engine) ?? null;
    // The engine's maker: the record's, else that of a truck that is not a rebadge.
    const make = timing?.make ?? (trucks.find((t) => !t.rebadgeOf) ?? trucks[0])?.make ?? "";
    return { engine, make, codes: trucks.map((t) => t.chassisCode), timing };
  });
  engines.sort((a, b) => a.make.localeCompare(b.make) || a.engine.localeCompare(b.engine));
  return (
    <figure class="fact-table">
      <table>
        <caption>Timing belt or chain, by engine</caption>
        <thead>
          <tr>
            <th scope="col">Engine</th>
            <th scope="col">In these trucks</th>
            <th scope="col">Cam drive</th>
            <th scope="col">Confidence</th>
          </tr>
        </thead>
        <tbody>
          {engines.map((e) => (
            <tr>
              <th scope="row">
                {e.make} {e.engine}
              </th>
              <td>{e.codes.join(", ")}</td>
              <td>
                {e.timing?.camDrive ? DRIVE_LABEL[e.timing.camDrive] : "Not known"}
                {e.timing?.note ? <span class="muted"> — {e.timing.note}</span> : null}
              </td>
              <td>{e.timing ? e.timing.confidence : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Sources sources={uniqueSources(engineTiming.map((t) => linkSources(t.sources)))} />
    </figure>
  );
}
