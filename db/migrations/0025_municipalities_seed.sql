-- The municipalities every install starts with: those of the demo's trips (scripts/demo), which
-- the passenger calls of any company in the region take from and to. An administrator adds the
-- others at /admin/municipalities. Each is matched by its folded name (lib/municipalities/
-- find-municipalities.ts: fold_text of migration 0002, then only its letters and digits), so that
-- « saint jerome », « ST-JÉRÔME » or « Saint-Jérôme » are the same. Saint-Laurent, a borough of
-- Montréal, is not one. An install that already has a name keeps it.
INSERT INTO municipalities (name, name_folded)
SELECT name, regexp_replace(fold_text(name), '[^a-z0-9]+', '', 'g')
  FROM (VALUES
    ('Montréal'), ('Laval'), ('Longueuil'), ('Brossard'), ('Terrebonne'), ('Repentigny'), ('Boucherville'),
    ('Québec'), ('Gatineau'), ('Sherbrooke'), ('Trois-Rivières'), ('Saint-Jérôme'), ('Blainville'), ('Dorval'),
    ('Pointe-Claire'), ('Mascouche'), ('Châteauguay'), ('Saint-Jean-sur-Richelieu'), ('Granby'), ('Kirkland'),
    ('Sainte-Thérèse')
  ) AS seed(name)
ON CONFLICT (name_folded) DO NOTHING;
