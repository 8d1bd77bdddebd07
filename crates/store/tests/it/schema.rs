use cchc_testkit::TestDb;

/// Both migrations must define the same tables with the same columns.
#[tokio::test]
async fn sqlite_and_postgres_schemas_match() {
    let sqlite = TestDb::sqlite().await;
    let mut tx = sqlite.db.read().await.unwrap();
    let sqlite_tables = cchc_store::schema::tables_and_columns(&mut tx)
        .await
        .unwrap();
    drop(tx);
    assert!(sqlite_tables.contains_key("org_units"), "{sqlite_tables:?}");
    assert!(sqlite_tables["users"].contains(&"password_hash".to_string()));

    let Ok(url) = std::env::var("CCHC_TEST_POSTGRES_URL") else {
        eprintln!("CCHC_TEST_POSTGRES_URL not set: PostgreSQL half skipped");
        return;
    };
    let pg = TestDb::postgres(&url).await;
    let mut tx = pg.db.read().await.unwrap();
    let pg_tables = cchc_store::schema::tables_and_columns(&mut tx)
        .await
        .unwrap();
    drop(tx);
    assert_eq!(sqlite_tables, pg_tables);
}

/// The migration file lists of both backends stay in step.
#[test]
fn migration_files_pair_up() {
    let names = |dir: &str| {
        let mut v: Vec<String> =
            std::fs::read_dir(format!("{}/migrations/{dir}", env!("CARGO_MANIFEST_DIR")))
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
        v.sort();
        v
    };
    assert_eq!(names("sqlite"), names("postgres"));
}
