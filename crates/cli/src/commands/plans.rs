//! `cchc plan …`: import a plan document (with a dry run printing the
//! preview as JSON) and export a plan as .docx or .xlsx.

use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Context, bail};
use clap::{Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};

use cchc_app::App;
use cchc_app::auth::system_coordinator;
use cchc_app::plans::{ImportFile, ImportSettings, PlanDocumentKind, UnitMapping};
use cchc_domain::units::Unit;

use super::{has_database, open};
use crate::config::Settings;

#[derive(Subcommand)]
pub enum PlanCommand {
    /// Import a plan (.docx, .xlsx, .txt/.tsv). Without --dry-run the plan is
    /// stored (all or nothing) and its id printed.
    Import {
        file: PathBuf,
        /// Only read the file and print the preview; store nothing.
        #[arg(long)]
        dry_run: bool,
        /// `json`: the preview (or the differences) as JSON; `text`: a summary.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Code of the issuing unit (default: the top unit of the organisation).
        #[arg(long)]
        issuing_unit: Option<String>,
        /// Map a unit name as the document writes it to a unit code, e.g.
        /// `--map "Phòng CMNV=NVY"`; remembered as an alias of the unit.
        #[arg(long = "map", value_name = "TÊN=MÃ")]
        mappings: Vec<String>,
        /// Re-import into this existing plan: apply the differences.
        #[arg(long, value_name = "PLAN_ID")]
        into: Option<i64>,
    },
    /// Write a plan as a document.
    Export {
        plan_id: i64,
        /// `docx`: the whole plan; `appendix`: the appendix table (.docx);
        /// `xlsx`: the appendix as a workbook.
        #[arg(long, value_enum)]
        format: ExportFormat,
        #[arg(long)]
        output: PathBuf,
        /// The place of the date line ("Đắk Nông").
        #[arg(long, default_value = "")]
        place: String,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Docx,
    Appendix,
    Xlsx,
}

fn spinner(message: &str) -> ProgressBar {
    let bar = ProgressBar::new_spinner();
    bar.set_style(
        ProgressStyle::with_template("{spinner} {msg} ({elapsed})")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    bar.enable_steady_tick(Duration::from_millis(120));
    bar.set_message(message.to_string());
    bar
}

fn unit_by_code<'a>(units: &'a [Unit], code: &str) -> anyhow::Result<&'a Unit> {
    units
        .iter()
        .find(|u| u.code.eq_ignore_ascii_case(code.trim()))
        .with_context(|| format!("không có đơn vị mã “{}”", code.trim()))
}

fn mappings(units: &[Unit], raw: &[String]) -> anyhow::Result<Vec<UnitMapping>> {
    raw.iter()
        .map(|m| {
            let Some((text, code)) = m.rsplit_once('=') else {
                bail!("--map “{m}” cần dạng “Tên đơn vị=MÃ”");
            };
            Ok(UnitMapping {
                text: text.trim().to_string(),
                unit_id: unit_by_code(units, code)?.id,
            })
        })
        .collect()
}

fn print_json(value: &impl serde::Serialize) -> anyhow::Result<()> {
    println!("{}", serde_json::to_string_pretty(value)?);
    Ok(())
}

pub async fn run(settings: &Settings, cmd: PlanCommand) -> anyhow::Result<()> {
    match cmd {
        PlanCommand::Import {
            file,
            dry_run,
            format,
            issuing_unit,
            mappings: raw,
            into,
        } => {
            let bytes = std::fs::read(&file)
                .with_context(|| format!("không đọc được tệp {}", file.display()))?;
            let upload = ImportFile {
                file_name: file
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                bytes,
            };
            // A dry run without a database matches no units and creates nothing.
            if dry_run && into.is_none() && !has_database(settings) {
                if !raw.is_empty() {
                    bail!("--map cần cơ sở dữ liệu có danh mục đơn vị");
                }
                let preview = cchc_office::read_plan(&upload.bytes, &upload.file_name, &[])
                    .map_err(|e| anyhow::anyhow!("{e}"))?;
                return print_preview(&preview, format);
            }
            let app = open(settings).await?;
            let result = import(&app, upload, dry_run, format, issuing_unit, &raw, into).await;
            app.db().close().await;
            result
        }
        PlanCommand::Export {
            plan_id,
            format,
            output,
            place,
        } => {
            let app = open(settings).await?;
            let kind = match format {
                ExportFormat::Docx => PlanDocumentKind::Plan,
                ExportFormat::Appendix => PlanDocumentKind::Appendix,
                ExportFormat::Xlsx => PlanDocumentKind::AppendixXlsx,
            };
            let doc = app
                .plan_document(&system_coordinator(), plan_id, kind, &place)
                .await;
            app.db().close().await;
            let doc = doc?;
            std::fs::write(&output, &doc.bytes)
                .with_context(|| format!("không ghi được tệp {}", output.display()))?;
            eprintln!("Đã ghi {} ({} byte).", output.display(), doc.bytes.len());
            Ok(())
        }
    }
}

fn print_preview(preview: &cchc_office::PlanPreview, format: Format) -> anyhow::Result<()> {
    match format {
        Format::Json => print_json(preview),
        Format::Text => {
            println!(
                "{}",
                preview
                    .plan
                    .title
                    .as_deref()
                    .unwrap_or("(không rõ tên kế hoạch)")
            );
            for s in &preview.sections {
                println!("{} {} ({} mục)", s.number, s.title, s.items.len());
            }
            for w in &preview.warnings {
                match w.row {
                    Some(row) => println!("Cảnh báo dòng {row}: {}", w.message),
                    None => println!("Cảnh báo: {}", w.message),
                }
            }
            Ok(())
        }
    }
}

async fn import(
    app: &App,
    upload: ImportFile,
    dry_run: bool,
    format: Format,
    issuing_unit: Option<String>,
    raw: &[String],
    into: Option<i64>,
) -> anyhow::Result<()> {
    let actor = system_coordinator();
    let units = app.units(&actor).await?;
    let mappings = mappings(&units, raw)?;
    if let Some(plan_id) = into {
        let bar = spinner("Đang so sánh với kế hoạch");
        let diff = if dry_run {
            app.reimport_preview(&actor, plan_id, &upload, &mappings)
                .await
        } else {
            bar.set_message("Đang cập nhật kế hoạch");
            app.reimport_plan(&actor, plan_id, &upload, &mappings).await
        };
        bar.finish_and_clear();
        let diff = diff?;
        return match format {
            Format::Json => print_json(&diff),
            Format::Text => {
                let verb = if dry_run { "Sẽ" } else { "Đã" };
                println!(
                    "{verb} thêm {} mục, sửa {} mục, xóa {} mục; {} mục không đổi.",
                    diff.added.len(),
                    diff.changed.len(),
                    diff.removed.len(),
                    diff.unchanged
                );
                for k in &diff.kept {
                    println!(
                        "Giữ lại mục {} – {}: đơn vị đã báo cáo kết quả.",
                        k.number, k.content
                    );
                }
                Ok(())
            }
        };
    }
    let bar = spinner("Đang đọc tệp kế hoạch");
    let preview = app.import_preview(&actor, &upload, &mappings).await;
    let preview = match preview {
        Ok(p) => p,
        Err(e) => {
            bar.finish_and_clear();
            return Err(e.into());
        }
    };
    if dry_run {
        bar.finish_and_clear();
        return print_preview(&preview.preview, format);
    }
    let issuing_unit_id = match issuing_unit {
        Some(code) => unit_by_code(&units, &code)?.id,
        None => {
            let tops: Vec<&Unit> = units.iter().filter(|u| u.parent_id.is_none()).collect();
            match tops.as_slice() {
                [only] => only.id,
                _ => bail!("hãy chọn đơn vị ban hành bằng --issuing-unit MÃ"),
            }
        }
    };
    bar.set_message(format!(
        "Đang lưu {} phần, {} nhiệm vụ",
        preview.counts.sections,
        preview.counts.tasks + preview.counts.groups
    ));
    let settings = ImportSettings {
        issuing_unit_id: Some(issuing_unit_id),
        mappings,
        ..Default::default()
    };
    let plan = app.import_plan(&actor, &upload, &settings).await;
    bar.finish_and_clear();
    let plan = plan?;
    if !preview.unmatched.is_empty() {
        eprintln!(
            "Chưa khớp được đơn vị: {} (dùng --map “Tên=MÃ” để gán).",
            preview.unmatched.join("; ")
        );
    }
    match format {
        Format::Json => print_json(&serde_json::json!({ "plan_id": plan.id })),
        Format::Text => {
            println!("{}", plan.id);
            Ok(())
        }
    }
}
