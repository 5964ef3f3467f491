use chitieu_e2e::Scenario;

pub fn scenarios() -> Vec<Scenario> {
    Vec::new()
}
