function Popup() {
  return <div>客服助手 CS Sidekick</div>
}
export default Popup
