import type pg from 'pg';

/**
 * Two database roles instead of one superuser: the owner runs migrations and owns every table;
 * the app role, which the web server connects as, may only read and write rows. A bug or an
 * injection in the app then cannot drop a table, change a role or read files on the server.
 */
export const OWNER_ROLE = 'stadtwissen_owner';
export const APP_ROLE = 'stadtwissen_app';

/** Schemas whose objects the app reads and writes (pg-boss adds its own, see jobs/queue.ts). */
export const APP_SCHEMAS = ['public'] as const;

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
const quoteLiteral = (value: string) => `'${value.replaceAll("'", "''")}'`;

/**
 * Creates (or updates the passwords of) the owner and the app role. Run by the embedded
 * cluster's superuser on every start, so a data directory from before these roles gets them on
 * its first start after the upgrade.
 */
export async function ensureRoles(admin: pg.Client, passwords: { owner: string; app: string }): Promise<void> {
	for (const [role, password, rights] of [
		[OWNER_ROLE, passwords.owner, 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS'],
		[APP_ROLE, passwords.app, 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS']
	] as const) {
		const exists = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
		const verb = exists.rowCount === 0 ? 'CREATE' : 'ALTER';
		// Passwords cannot be bound parameters in CREATE/ALTER ROLE; ours are base64url, quoted anyway.
		await admin.query(`${verb} ROLE ${quoteIdent(role)} WITH ${rights} PASSWORD ${quoteLiteral(password)}`);
	}
}

/**
 * Hands the database and everything the superuser created in it before there was an owner role
 * (data directories of older versions) to the owner role. Idempotent: on a current data
 * directory it finds nothing to move. Run by the superuser, connected to that database.
 */
export async function handOverToOwner(admin: pg.Client, database: string): Promise<void> {
	await admin.query(`ALTER DATABASE ${quoteIdent(database)} OWNER TO ${quoteIdent(OWNER_ROLE)}`);
	await admin.query(`
		DO $$
		DECLARE
			me oid := (SELECT oid FROM pg_roles WHERE rolname = current_user);
			target text := ${quoteLiteral(OWNER_ROLE)};
			r record;
		BEGIN
			FOR r IN SELECT n.nspname FROM pg_namespace n
				WHERE n.nspowner = me AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname NOT IN ('information_schema', 'public')
			LOOP
				EXECUTE format('ALTER SCHEMA %I OWNER TO %I', r.nspname, target);
			END LOOP;
			FOR r IN SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
				WHERE c.relowner = me AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
			LOOP
				EXECUTE format('ALTER TABLE %I.%I OWNER TO %I', r.nspname, r.relname, target);
			END LOOP;
			-- Sequences of serial/identity columns moved with their table; the others on their own.
			FOR r IN SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
				WHERE c.relowner = me AND c.relkind = 'S' AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
					AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i'))
			LOOP
				EXECUTE format('ALTER SEQUENCE %I.%I OWNER TO %I', r.nspname, r.relname, target);
			END LOOP;
			FOR r IN SELECT p.oid::regprocedure AS routine FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
				WHERE p.proowner = me AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
			LOOP
				EXECUTE format('ALTER ROUTINE %s OWNER TO %I', r.routine, target);
			END LOOP;
			FOR r IN SELECT t.oid::regtype AS type FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
				WHERE t.typowner = me AND t.typtype IN ('e', 'd') AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
			LOOP
				EXECUTE format('ALTER TYPE %s OWNER TO %I', r.type, target);
			END LOOP;
		END $$`);
}

/**
 * Gives the app role row access to everything the owner has created in `schemas`, and the same
 * for what later migrations create (default privileges). Run by the owner after migrating, on
 * every start; GRANT is idempotent.
 */
export async function grantAppAccess(owner: pg.Client, appRole: string, schemas: readonly string[] = APP_SCHEMAS): Promise<void> {
	const app = quoteIdent(appRole);
	for (const schema of schemas.map(quoteIdent)) {
		await owner.query(`GRANT USAGE ON SCHEMA ${schema} TO ${app}`);
		// Only what the owner owns: a table another role put into the schema (an operator's own, a
		// tool's) is not ours to grant, and GRANT … ON ALL TABLES would fail the start on it.
		await owner.query(`
			DO $$
			DECLARE r record;
			BEGIN
				FOR r IN SELECT c.oid::regclass AS name, c.relkind FROM pg_class c
					WHERE c.relnamespace = ${quoteLiteral(schema.slice(1, -1).replaceAll('""', '"'))}::regnamespace AND c.relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user) AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
				LOOP
					IF r.relkind = 'S' THEN
						EXECUTE format('GRANT USAGE, SELECT ON SEQUENCE %s TO %s', r.name, ${quoteLiteral(app)});
					ELSE
						EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE %s TO %s', r.name, ${quoteLiteral(app)});
					END IF;
				END LOOP;
				FOR r IN SELECT p.oid::regprocedure AS name FROM pg_proc p
					WHERE p.pronamespace = ${quoteLiteral(schema.slice(1, -1).replaceAll('""', '"'))}::regnamespace AND p.proowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)
				LOOP
					EXECUTE format('GRANT EXECUTE ON ROUTINE %s TO %s', r.name, ${quoteLiteral(app)});
				END LOOP;
			END $$`);
		await owner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`);
		await owner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT USAGE, SELECT ON SEQUENCES TO ${app}`);
		await owner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT EXECUTE ON FUNCTIONS TO ${app}`);
	}
}
